package com.wanderframe;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.awaitility.Awaitility.await;

/**
 * Debian's nginx as the TLS-terminating load balancer in front of the web instances, started
 * with a generated configuration in a temporary directory (never the system's service): HTTPS
 * with a certificate made for the test by openssl, round robin over the upstreams, the
 * {@code X-Forwarded-*} headers the app trusts from it, event streams passed through unbuffered,
 * and the upstream that answered in an {@code X-Upstream} response header so a test can tell
 * which instance served it.
 */
final class NginxBalancer implements AutoCloseable {

	private final ExternalProcess process;

	private final int port;

	private final SSLContext tls;

	private NginxBalancer(ExternalProcess process, int port, SSLContext tls) {
		this.process = process;
		this.port = port;
		this.tls = tls;
	}

	static NginxBalancer start(Path dir, List<Integer> upstreamPorts) throws Exception {
		Path cert = dir.resolve("cert.pem");
		Path key = dir.resolve("key.pem");
		ExternalProcess.run(dir.resolve("openssl.log"),
				List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
						"-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(), "-out",
						cert.toString()));
		int port = ExternalProcess.freePort();
		String servers = upstreamPorts.stream()
			.map(upstream -> "    server 127.0.0.1:" + upstream + " max_fails=1 fail_timeout=30s;")
			.collect(Collectors.joining("\n"));
		String proxy = """
				      proxy_pass http://wanderframe;
				      proxy_http_version 1.1;
				      proxy_set_header Connection "";
				      proxy_set_header Host $http_host;
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				      proxy_set_header X-Forwarded-Proto https;
				      proxy_set_header X-Forwarded-Host $host;
				      proxy_set_header X-Forwarded-Port %d;
				      proxy_next_upstream error timeout http_502 http_503;
				      add_header X-Upstream $upstream_addr always;
				""".formatted(port);
		String config = """
				daemon off;
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log info;
				events { worker_connections 256; }
				http {
				  access_log %1$s/access.log;
				  client_body_temp_path %1$s/client_body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  client_max_body_size 16m;
				  # Bodies and responses stay in memory: the workers (nobody, when started by root)
				  # could not write temporary files under the test's private directory.
				  client_body_buffer_size 16m;
				  proxy_max_temp_file_size 0;
				  upstream wanderframe {
				%2$s
				  }
				  server {
				    listen 127.0.0.1:%3$d ssl;
				    server_name localhost;
				    ssl_certificate %4$s;
				    ssl_certificate_key %5$s;
				    location / {
				%6$s
				    }
				    # Server-Sent Events: every event goes out as it comes, and an idle stream stays open.
				    location ~ ^/api/video/[^/]+/events$ {
				%6$s
				      proxy_buffering off;
				      proxy_cache off;
				      proxy_read_timeout 1h;
				    }
				  }
				}
				""".formatted(dir, servers, port, cert, key, proxy);
		Path configFile = dir.resolve("nginx.conf");
		Files.writeString(configFile, config);
		String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
		ExternalProcess process = ExternalProcess.start("nginx", dir.resolve("nginx.out"), Map.of(),
				List.of(nginx, "-p", dir.toString(), "-e", dir.resolve("error.log").toString(), "-c", configFile.toString()));
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("nginx exited: " + process.log() + Files.readString(dir.resolve("error.log")));
			}
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return true;
			}
		});
		return new NginxBalancer(process, port, trusting(cert));
	}

	private static SSLContext trusting(Path cert) throws Exception {
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(cert)) {
			Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
			trust.setCertificateEntry("balancer", certificate);
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	String baseUrl() {
		return "https://localhost:" + port;
	}

	ApiClient client() {
		return new ApiClient(baseUrl(), tls);
	}

	@Override
	public void close() throws InterruptedException {
		process.close();
	}

}

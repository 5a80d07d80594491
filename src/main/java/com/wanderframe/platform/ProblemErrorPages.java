package com.wanderframe.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem details for the requests refused before Spring MVC sees them: Tomcat turns away URLs
 * with an encoded slash, a NUL or characters a URL may not hold, and Spring Security's firewall
 * ones with path parameters or traversal. Both used to answer an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrorPages {

	@Bean
	RequestRejectedHandler requestRejectedAsProblem() {
		return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex) -> Problems
			.write(response, HttpStatus.BAD_REQUEST, "request_rejected", "This request's URL cannot be accepted.");
	}

	/** Runs after Spring Boot's own customizer, so its HTML error valve is replaced, not joined. */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new ProblemErrorReportValve());
				// The host adds a valve of this class at start unless one is there already.
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	/** Tomcat's last word on an error nobody answered: problem details instead of an HTML page. */
	public static final class ProblemErrorReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			HttpStatus shown = known == null ? HttpStatus.BAD_REQUEST : known;
			String code = status == 400 ? "request_rejected" : shown.name().toLowerCase(Locale.ROOT);
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(Problems.json(shown, code, status == 400 ? "This request cannot be read."
							: shown.getReasonPhrase() + "."));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client has gone or the response is already on its way: nothing left to say.
			}
		}

	}

}

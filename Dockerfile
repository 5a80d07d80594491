# Wanderframe: one image for every role (WANDERFRAME_ROLE=all|web|worker).
# Not built on the machines this was written on (no container runtime there); ContainerFilesTests
# keeps it consistent with the README's configuration table.

# --- build: the Maven wrapper, nothing installed by hand --------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Dependencies first, in their own layer: a code change does not download them again.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
 && cp target/wanderframe-*.jar /src/app.jar
# Spring Boot's layered jar, extracted: libraries, loader, snapshots, then our own classes.
RUN java -Djarmode=tools -jar /src/app.jar extract --layers --launcher --destination /src/extracted

# --- run: a JRE, a user without privileges ------------------------------------------------------
FROM eclipse-temurin:17-jre
# curl only for the health check below.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 wanderframe \
 && useradd --system --uid 10001 --gid wanderframe --create-home --home-dir /home/wanderframe wanderframe \
 && mkdir -p /app/data \
 && chown wanderframe:wanderframe /app/data
WORKDIR /app
# Least often changed first: a code change rebuilds only the last, small layer.
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
USER wanderframe
ENV PORT=8080 \
    WANDERFRAME_DATA_DIR=/app/data
EXPOSE 8080
# Liveness, not readiness: a database or bucket outage must not get every container restarted.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/liveness" > /dev/null || exit 1
# The JVM sizes its heap from the container's memory limit, not the host's; an out-of-memory
# error ends the process so the orchestrator replaces it instead of it limping on.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]

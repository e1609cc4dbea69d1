# syntax=docker/dockerfile:1
# newsstream: one image, one jar; the service to run is the command (ingest, enrich, sink, topics ...).

# Stage 1: build the shaded jar. Maven's local repository is a build cache, so a rebuild after a code
# change does not download the dependencies again.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

# Stage 2: a JRE and the jar, nothing else. The shaded jar carries only the CoreNLP model files the
# enrichment loads, not the whole models jar.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 newsstream \
 && useradd --system --uid 10001 --gid newsstream --home-dir /app --no-create-home --shell /usr/sbin/nologin newsstream \
 && mkdir -p /app /var/lib/newsstream/enrich /var/lib/newsstream/sink \
 && chown newsstream:newsstream /app /var/lib/newsstream/enrich /var/lib/newsstream/sink
WORKDIR /app
COPY --from=build /build/app/target/newsstream.jar /app/newsstream.jar
USER 10001:10001
EXPOSE 8080 9401 9402 9403
# The heap follows the container's memory limit; JAVA_TOOL_OPTIONS=-Xmx... overrides it per service.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/newsstream.jar"]
CMD ["--help"]

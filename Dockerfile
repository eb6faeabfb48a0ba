# syntax=docker/dockerfile:1
# One image per service, from this one multi-stage file (the services share the parent POM and the libs):
#   docker build --build-arg SERVICE=gateway --build-arg HEALTH_PORT=8090 -t chatforge/gateway:0.1.0 .
# scripts/images.sh builds all eight with the right arguments; docker-compose.yml does the same.
# The web client is built with npm and packaged into the gateway (classpath:/static).

ARG SERVICE=gateway

FROM node:20-bookworm-slim AS web
WORKDIR /src/clients
COPY clients/package.json clients/package-lock.json ./
COPY clients/js/package.json js/
COPY clients/web/package.json web/
RUN npm ci --no-audit --no-fund -w js -w web
COPY clients/js/ js/
COPY clients/web/ web/
RUN npm run build -w js && npm run build -w web

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
COPY --from=web /src/clients/web/dist clients/web/dist
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -pl "$SERVICE" -am package -DskipTests -Dspotless.apply.skip=true \
 && java -Djarmode=tools -jar "$SERVICE"/target/"$SERVICE"-*-exec.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
ARG SERVICE
# the default SERVICE is the gateway, whose actuator listens on its management port
ARG HEALTH_PORT=8090
# curl for the HEALTHCHECK; a system user without a login shell runs the service
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin chatforge
WORKDIR /app
# least-changing layers first, so a code change ships only the application layer
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
# heap sized from the container's memory limit; crash (and be restarted) rather than limp on after an OOM;
# no hsperfdata sampler waking 20 times a second (idle CPU, docs/benchmarks.md); no Netty buffer-leak sampling in
# production (a stack trace per sampled buffer: about 5 % of the gateway's CPU under load; the tests keep it on)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=30 -XX:+ExitOnOutOfMemoryError -Xss512k -XX:-UsePerfData -XX:G1ConcRefinementServiceIntervalMillis=2000 -XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=1000 -Dio.netty.leakDetection.level=disabled" \
    IM_SERVICE="$SERVICE" \
    IM_HEALTH_PORT="$HEALTH_PORT"
EXPOSE 8080-8090
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${IM_HEALTH_PORT}/actuator/health/readiness" || exit 1
# exec form: java is PID 1 and gets SIGTERM directly, so the graceful shutdown (and the connector's drain) runs
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

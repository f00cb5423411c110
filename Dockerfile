# One image per service: docker build --build-arg SERVICE=drug-auth-service --build-arg PORT=8081 .
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /workspace
# The reactor needs every module's pom to resolve -am, so the whole tree goes in (.dockerignore drops build output).
COPY . .
RUN test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; } \
    && chmod +x mvnw \
    && ./mvnw -B -DskipTests -pl "${SERVICE}" -am package \
    && mkdir -p /out \
    && if [ -f "${SERVICE}/target/${SERVICE}.jar" ]; then cp "${SERVICE}/target/${SERVICE}.jar" /out/app.jar; \
       else cp "$(ls "${SERVICE}"/target/"${SERVICE}"-*.jar | grep -v -e '-plain.jar$' -e '-sources.jar$' | head -n 1)" /out/app.jar; fi

FROM eclipse-temurin:17-jre
ARG SERVICE
ARG PORT=8080
LABEL org.opencontainers.image.title="${SERVICE}"
RUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build --chown=app:app /out/app.jar /app/app.jar
USER app
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

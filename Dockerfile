# One image per side, built from the repository root:
#   docker build --build-arg SIDE=command-side .      (or SIDE=query-side)
FROM eclipse-temurin:17-jdk AS build
ARG SIDE
WORKDIR /src
COPY . .
RUN ./mvnw -q -B package -DskipTests -pl ${SIDE} -am && cp ${SIDE}/target/${SIDE}.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 invitations
USER invitations
COPY --from=build /app.jar /app/app.jar
EXPOSE 8080 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Ddisable-axoniq-console-message=true", "-jar", "/app/app.jar"]

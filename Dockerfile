# PaperListing as a container: `docker build -t paperlisting .`; how to run it is in README.md ("Run it as a container").
# The base images are build arguments, so the same file builds from other (e.g. locally made) .NET 10 images.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

# Restore first, from the project files alone: a change of code does not download the packages again.
FROM ${SDK_IMAGE} AS restore
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/PaperListing.Web/PaperListing.Web.csproj src/PaperListing.Web/
# One runtime identifier for the image's architecture, so only its native SQLite library is published, compiled
# ahead of time (ReadyToRun: a start runs code rather than compiling it).
RUN rid="linux-$(case "${TARGETARCH:-$(uname -m)}" in amd64|x86_64) echo x64 ;; arm64|aarch64) echo arm64 ;; *) echo "${TARGETARCH:-$(uname -m)}" ;; esac)" \
    && echo "$rid" > /rid \
    && dotnet restore src/PaperListing.Web/PaperListing.Web.csproj -r "$rid" -p:PublishReadyToRun=true

FROM restore AS publish
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/PaperListing.Web/PaperListing.Web.csproj -c Release -r "$(cat /rid)" --self-contained false --no-restore -p:PublishReadyToRun=true \
        -p:UseAppHost=false -o /app \
    && rm -f /app/web.config \
    && mkdir /data

FROM ${RUNTIME_IMAGE} AS runtime
# The image's non-root user (the official .NET images' "app", uid 1654); numeric, so no passwd entry is needed.
ARG APP_UID=1654
LABEL org.opencontainers.image.title="PaperListing" \
      org.opencontainers.image.description="A self-hostable Related papers site"
WORKDIR /app
COPY --from=publish /app ./
# The baked-in seeds; a directory mounted at /app/seeds replaces them.
COPY seeds/ /app/seeds/
# The database and the data-protection keys live on the volume, the only writable place besides a tmpfs /tmp.
COPY --from=publish --chown=${APP_UID}:${APP_UID} /data /data
VOLUME ["/data"]
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1 \
    Seeds__Path=/app/seeds \
    ConnectionStrings__Papers="Data Source=/data/papers.db" \
    DataProtection__KeysPath=/data/keys \
    LogFormat=json
USER ${APP_UID}
EXPOSE 8080
# The app probes its own liveness (/livez): no curl or wget needed in the runtime image. Liveness, not readiness: a
# runtime that restarts unhealthy containers must not kill one in the middle of a long first import.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "/app/PaperListing.Web.dll", "--healthcheck", "/livez"]
ENTRYPOINT ["dotnet", "/app/PaperListing.Web.dll"]

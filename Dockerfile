# syntax=docker/dockerfile:1
# CallGateway image: `docker build -t callgateway .` (the last stage is the gateway).
# The Meta sandbox on its own (for docker-compose's sandbox profile): `docker build --target sandbox -t callgateway-sandbox .`
# tests/CallGateway.Tests/Deployment runs the same publish command, starts the published app with this file's ENV
# and runs this file's HEALTHCHECK command against it; keep them in step.

# ---- build: restore and publish (Release) ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Build policy files first (nullable, warnings as errors, analyzers, central package versions), then the sources.
COPY Directory.Build.props Directory.Packages.props .editorconfig appsettings.json ./
COPY src/ src/
# NuGet packages live in a BuildKit cache between builds; the layer itself only keeps the published output.
RUN --mount=type=cache,id=callgateway-nuget,target=/root/.nuget/packages \
    dotnet publish src/CallGateway -c Release -o /app/publish

FROM build AS sandbox-build
RUN --mount=type=cache,id=callgateway-nuget,target=/root/.nuget/packages \
    dotnet publish src/CallGateway.Sandbox.Host -c Release -o /app/sandbox

# ---- base: ASP.NET Core runtime + the Opus codec library (P/Invoke into libopus.so.0) ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
RUN apt-get update \
    && apt-get install -y --no-install-recommends libopus0 \
    && rm -rf /var/lib/apt/lists/*
# Writable state (SQLite database, recordings) lives under /data, owned by the image's non-root user `app` (UID 1654).
RUN mkdir -p /data/recordings && chown -R 1654:1654 /data
WORKDIR /app

# ---- sandbox: the standalone Meta sandbox host (Graph API emulator + simulated phones) ----
FROM base AS sandbox
COPY --from=sandbox-build /app/sandbox ./
# The simulated phones' media binds to 127.0.0.1 (its appsettings.json): docker-compose runs this container in the
# gateway's network namespace, where loopback is shared.
ENV Urls=http://+:5090 \
    ASPNETCORE_URLS=http://+:5090 \
    ASPNETCORE_HTTP_PORTS=
EXPOSE 5090/tcp
USER 1654
ENTRYPOINT ["dotnet", "CallGateway.Sandbox.Host.dll"]

# ---- gateway (default target) ----
FROM base AS gateway
COPY --from=build /app/publish ./
# The canonical configuration, explicitly next to the binaries (the app loads it from there; env vars override it).
COPY --from=build /src/appsettings.json ./appsettings.json
# Production defaults; secrets (Meta__AccessToken, Meta__AppSecret, Meta__VerifyToken, Api__Keys__N__*) come from the
# environment at run time, never from the image. Logging__Json: one compact JSON object per log line.
ENV Urls=http://+:8080 \
    ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Sandbox__Enabled=false \
    Storage__SqlitePath=/data/callgateway.db \
    MediaApps__RecordingsFolder=/data/recordings \
    Media__BindAddress=0.0.0.0 \
    Media__PortMin=40000 \
    Media__PortMax=40100 \
    Logging__Json=true
VOLUME ["/data"]
# HTTP (API, webhooks, /healthz, /readyz, /metrics) and one UDP port per concurrent call (Media__PortMin..PortMax).
EXPOSE 8080/tcp
EXPOSE 40000-40100/udp
# Numeric UID of `app`, so Kubernetes' runAsNonRoot can verify it.
USER 1654
# The runtime image has no curl or wget: bash's /dev/tcp sends one HTTP request, no extra package to install or patch.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# SIGTERM ends live calls through the API before exit (up to 30 s): give `docker stop` that long (--stop-timeout 45).
ENTRYPOINT ["dotnet", "CallGateway.dll"]

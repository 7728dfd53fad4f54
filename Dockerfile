# Siklus: the server and both built web apps in one image.
# Build: docker build -t siklus .   Run: see docker-compose.yml (needs DATABASE_URL).

FROM node:20-bookworm-slim AS base
ENV CI=true
RUN npm i -g pnpm@12.4.2
WORKDIR /app

# Dependencies first, from the lockfile only, so a code change does not refetch them.
FROM base AS build
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile
# The two web apps are the only compiled parts; the server runs its TypeScript with tsx
# (docs/decisions/001-ts-source-packages.md).
RUN pnpm build

FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrates, then listens; SIGTERM finishes requests in flight and closes the pool.
# Run with an init process (compose: init: true) so signals reach node through pnpm.
CMD ["pnpm", "start"]

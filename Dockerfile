# Emergency Connect CAD: the server and its console in one image. Redis 7 (AOF) and PostgreSQL run beside it
# (compose.yaml); the image starts neither.
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
# The console and the server's bundle are built once, here; then only what the server runs is kept.
RUN npm run build:console && npm run build:server && npm prune --omit=dev --no-audit --no-fund

FROM node:20.19-bookworm-slim
# The V8 heap is capped (docs/scaling.md, "Memory"); raise it with the container's memory limit.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 NODE_OPTIONS="--max-old-space-size=384 --max-semi-space-size=64"
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/server ./server
COPY --from=build --chown=node:node /app/shared ./shared
COPY --from=build --chown=node:node /app/fixtures ./fixtures
COPY --from=build --chown=node:node /app/dispatch-console/dist ./dispatch-console/dist
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000
# node itself is the main process, so SIGTERM from `docker stop` reaches the server and it drains.
CMD ["node", "--enable-source-maps", "dist/server/main.mjs"]

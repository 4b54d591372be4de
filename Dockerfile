# One image for every Touchpoint service; docker-compose.yml picks the entry point per container.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 builds from source with node-gyp.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY . .
USER node
EXPOSE 4000
# Overridden per service in docker-compose.yml.
CMD ["node", "--import", "tsx", "gateway/main.ts"]

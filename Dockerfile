# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the dev dependencies.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --ignore-scripts && npm run build

# Runtime stage: production dependencies only, run as an unprivileged user.
FROM node:20-slim
ENV NODE_ENV=production \
    IJW_HOST=0.0.0.0 \
    IJW_DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: dist comes from the build stage (no `prepare` here), and the optional Xerces
# engine, which needs a JDK, stays out. better-sqlite3 is a native module: build it on its own,
# with a toolchain that is removed again in the same layer.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && npm ci --omit=dev --ignore-scripts \
 && npm rebuild better-sqlite3 \
 && npm cache clean --force \
 && apt-get purge -y python3 make g++ && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/dist ./dist
COPY schemas ./schemas
COPY mappings ./mappings
RUN groupadd --system ijw && useradd --system --gid ijw --home-dir /app ijw && mkdir -p /app/data && chown ijw:ijw /app/data
USER ijw
VOLUME ["/app/data"]
EXPOSE 8080
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["serve"]

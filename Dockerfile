# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the dev dependencies.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --ignore-scripts && npm run build

# Runtime stage: production dependencies only, run as an unprivileged user.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no build here (dist comes from the build stage), and the optional Xerces
# engine, which needs a JDK, is left out of the image.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schemas ./schemas
COPY mappings ./mappings
RUN groupadd --system ijw && useradd --system --gid ijw --home-dir /app ijw && mkdir -p /app/data && chown ijw:ijw /app/data
USER ijw
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["--help"]

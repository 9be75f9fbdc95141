# Parkregie: the web app is built in a Node stage; the Python image serves API and web app.
FROM node:20-bookworm-slim AS frontend
WORKDIR /app
COPY openapi/ openapi/
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend/ frontend/
RUN cd frontend && npm run build

FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml constraints.txt alembic.ini ./
COPY backend/ backend/
COPY migrations/ migrations/
RUN pip install --no-cache-dir -c constraints.txt -e . && useradd --system --home /app parkregie \
    && mkdir -p /var/lib/parkregie && chown parkregie /var/lib/parkregie
COPY --from=frontend /app/frontend/dist frontend/dist
USER parkregie
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz')"
CMD ["sh", "-c", "parkregie migrate && parkregie seed-demo && parkregie serve --host 0.0.0.0 --port 8000"]

#!/bin/bash
# First start of the Compose PostgreSQL: one owner and one database per service, and Keycloak's, with the passwords
# of deploy/compose/.env (run by the postgres image's entrypoint from /docker-entrypoint-initdb.d).
set -euo pipefail
for name in region assessment agreement masterplan keycloak; do
  password_var="${name^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="${!password_var}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
done

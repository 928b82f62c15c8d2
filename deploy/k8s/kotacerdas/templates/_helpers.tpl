{{/* Names of the parts: every name starts with the release name. */}}
{{- define "kc.kafka" -}}{{ .Release.Name }}-kafka{{- end -}}
{{- define "kc.kafkaBootstrap" -}}{{ .Release.Name }}-kafka-kafka-bootstrap:9092{{- end -}}
{{- define "kc.keycloak" -}}{{ .Release.Name }}-keycloak{{- end -}}
{{- define "kc.issuer" -}}
{{- if .Values.keycloak.operator -}}
https://{{ .Values.keycloak.host }}/realms/kotacerdas
{{- else -}}
{{ trimSuffix "/" (required "keycloak.external.url: the address of the Keycloak to use (keycloak.operator is false)" .Values.keycloak.external.url) }}/realms/kotacerdas
{{- end -}}
{{- end -}}
{{/* Keycloak's service as the operator names it (<name>-service), plain HTTP inside the cluster */}}
{{- define "kc.keycloakInternalRealm" -}}
{{- if .Values.keycloak.operator -}}
http://{{ .Release.Name }}-keycloak-service:8080/realms/kotacerdas
{{- else -}}
{{ include "kc.issuer" . }}
{{- end -}}
{{- end -}}
{{- define "kc.imageTag" -}}{{ default .Chart.AppVersion .Values.images.tag }}{{- end -}}

{{/* Labels of every object; "kc.labels" takes (dict "root" $ "name" "<part>" "component" "<component>") */}}
{{- define "kc.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: kotacerdas
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/version: {{ include "kc.imageTag" .root | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ .root.Chart.Name }}-{{ .root.Chart.Version }}
{{- end -}}

{{/* The pod selector of one application */}}
{{- define "kc.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The environment of one application (its ConfigMap's data); takes (dict "root" $ "a" <merged app values>) */}}
{{- define "kc.appEnv" -}}
{{- $r := .root }}{{- $a := .a -}}
QUARKUS_HTTP_PORT: "8080"
QUARKUS_OIDC_AUTH_SERVER_URL: {{ include "kc.keycloakInternalRealm" $r | quote }}
QUARKUS_OIDC_TOKEN_ISSUER: {{ include "kc.issuer" $r | quote }}
KOTACERDAS_OPENAPI_AUTH_SERVER_URL: {{ include "kc.issuer" $r | quote }}
JAVA_TOOL_OPTIONS: {{ trim (printf "%s %s" $r.Values.jvm.options (default "" $a.extraJvmOptions)) | quote }}
MALLOC_ARENA_MAX: {{ $r.Values.jvm.mallocArenaMax | quote }}
{{- if $r.Values.otel.endpoint }}
KOTACERDAS_TRACING_EXPORTER: "otlp"
QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ $r.Values.otel.endpoint | quote }}
{{- else }}
QUARKUS_OTEL_SDK_DISABLED: "true"
{{- end }}
{{- if $a.database }}
QUARKUS_DATASOURCE_REACTIVE_URL: "postgresql://{{ $r.Release.Name }}-{{ $a.database }}-db-rw:5432/{{ $a.database }}"
QUARKUS_DATASOURCE_JDBC_URL: "jdbc:postgresql://{{ $r.Release.Name }}-{{ $a.database }}-db-rw:5432/{{ $a.database }}"
KAFKA_BOOTSTRAP_SERVERS: {{ include "kc.kafkaBootstrap" $r | quote }}
{{- end }}
{{- range $route, $target := $a.routes }}
GATEWAY_ROUTES_{{ upper $route }}_UPSTREAM: "http://{{ $r.Release.Name }}-{{ $target }}:8080"
{{- end }}
{{- if eq $a.component "gateway" }}
QUARKUS_HTTP_CORS_ORIGINS: "https://{{ $r.Values.ingress.host }}"
{{- end }}
{{- end -}}

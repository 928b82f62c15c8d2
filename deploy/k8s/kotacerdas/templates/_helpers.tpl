{{/* Names of the parts: every name starts with the release name. */}}
{{- define "kc.kafka" -}}{{ .Release.Name }}-kafka{{- end -}}
{{- define "kc.kafkaBootstrap" -}}{{ .Release.Name }}-kafka-kafka-bootstrap:9092{{- end -}}
{{- define "kc.keycloak" -}}{{ .Release.Name }}-keycloak{{- end -}}
{{- define "kc.issuer" -}}https://{{ .Values.keycloak.host }}/realms/kotacerdas{{- end -}}
{{/* Keycloak's service as the operator names it (<name>-service), plain HTTP inside the cluster */}}
{{- define "kc.keycloakInternalRealm" -}}http://{{ .Release.Name }}-keycloak-service:8080/realms/kotacerdas{{- end -}}
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

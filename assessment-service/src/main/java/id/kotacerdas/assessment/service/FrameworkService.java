package id.kotacerdas.assessment.service;

import id.kotacerdas.platform.web.SortOrder;
import id.kotacerdas.assessment.domain.FrameworkContent;
import id.kotacerdas.assessment.domain.FrameworkPurpose;
import id.kotacerdas.assessment.domain.FrameworkRules;
import id.kotacerdas.assessment.domain.FrameworkStatus;
import id.kotacerdas.assessment.domain.FrameworkVersion;
import id.kotacerdas.assessment.repository.FrameworkVersionRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Assessment frameworks and their versions. Drafts are created (imported) and replaced by the ministry, then
 * published; a published version is frozen. Every change is audited in its transaction. Drafts are visible to the
 * ministry and auditors only.
 */
@ApplicationScoped
public class FrameworkService {

    public static final String AUDIT_RESOURCE = "FrameworkVersion";

    @Inject
    FrameworkVersionRepository versions;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Clock clock;

    /** What the audit trail keeps of a version. */
    public record Audited(String code, int version, FrameworkStatus status, FrameworkContent content) {
        static Audited of(FrameworkVersion v) {
            return new Audited(v.code, v.version, v.status, v.content);
        }
    }

    public static boolean seesDrafts(Caller caller) {
        return caller.hasRole(Caller.MINISTRY_ADMIN) || caller.hasRole(Caller.AUDITOR);
    }

    @WithSession
    public Uni<FrameworkVersionRepository.Page> list(Caller caller, String code, FrameworkStatus status, SortOrder order, int page,
            int size) {
        FrameworkStatus shown = status;
        if (!seesDrafts(caller)) {
            if (status == FrameworkStatus.DRAFT) {
                return Uni.createFrom().failure(ProblemException.forbidden(
                        "Draft frameworks are visible to the ministry and auditors only."));
            }
            shown = FrameworkStatus.PUBLISHED;
        }
        return versions.search(code, shown, order, page, size);
    }

    @WithSession
    public Uni<FrameworkVersion> get(Caller caller, String code, int version) {
        return versions.find(code, version).map(found -> {
            if (found == null || !found.published() && !seesDrafts(caller)) {
                throw ProblemException.notFound("No framework " + code + " has a version " + version + ".");
            }
            return found;
        });
    }

    /** The published readiness version an assessment cycle uses; {@code 422} naming the field when it is missing or a draft. */
    @WithSession
    public Uni<FrameworkVersion> requirePublished(String code, int version, String field) {
        return requirePublished(code, version, field, FrameworkPurpose.READINESS);
    }

    /**
     * The published version of a purpose a cycle uses; {@code 422} naming the field when it is missing, a draft, or
     * made for the other purpose (an assessment cycle cannot use an evaluation framework, nor the reverse).
     */
    @WithSession
    public Uni<FrameworkVersion> requirePublished(String code, int version, String field, FrameworkPurpose purpose) {
        return versions.find(code, version).map(found -> {
            if (found == null) {
                throw ProblemException.unprocessable(field, "no framework " + code + " has a version " + version);
            }
            if (!found.published()) {
                throw ProblemException.unprocessable(field, "framework " + found.label()
                        + " is a DRAFT; a cycle uses a published version");
            }
            if (found.content.purpose() != purpose) {
                throw ProblemException.unprocessable(field, "framework " + found.label() + " is a "
                        + found.content.purpose() + " framework; this cycle needs a " + purpose + " framework");
            }
            return found;
        });
    }

    /** Imports a document as a new draft: the next version of its code, or the version it names if that is the next. */
    @WithTransaction
    public Uni<FrameworkVersion> create(Caller caller, String code, Integer requestedVersion, FrameworkContent content) {
        FrameworkRules.require(content);
        return versions.latestVersion(code).chain(latest -> {
            int next = latest + 1;
            if (requestedVersion != null && requestedVersion <= latest) {
                throw ProblemException.conflict("Framework " + code + " already has a version " + requestedVersion
                        + "; leave version out to create version " + next + ".");
            }
            if (requestedVersion != null && requestedVersion != next) {
                throw ProblemException.unprocessable("version", "must be the next version of " + code + " (" + next
                        + "), or left out");
            }
            FrameworkVersion draft = FrameworkVersion.draft(code, next, content, caller.username(), now());
            return versions.persistAndFlush(draft)
                    .call(saved -> auditTrail.record(caller, "FRAMEWORK_VERSION_CREATED", AUDIT_RESOURCE, resourceId(saved),
                            null, Audited.of(saved)));
        });
    }

    /** Replaces a draft's content if the caller's revision is current; an unchanged document writes nothing. */
    @WithTransaction
    public Uni<FrameworkVersion> replace(Caller caller, String code, int version, Long expectedRevision,
            FrameworkContent content) {
        return require(code, version).chain(found -> {
            Revisions.require(expectedRevision, found.revision, "framework version");
            Audited before = Audited.of(found);
            if (!found.replace(content, caller.username(), now())) {
                return Uni.createFrom().item(found);
            }
            return versions.flush().call(() -> auditTrail.record(caller, "FRAMEWORK_VERSION_REPLACED", AUDIT_RESOURCE,
                    resourceId(found), before, Audited.of(found))).replaceWith(found);
        });
    }

    @WithTransaction
    public Uni<FrameworkVersion> publish(Caller caller, String code, int version, Long expectedRevision) {
        return require(code, version).chain(found -> {
            Revisions.require(expectedRevision, found.revision, "framework version");
            found.publish(caller.username(), now());
            return versions.flush().call(() -> auditTrail.record(caller, "FRAMEWORK_VERSION_PUBLISHED", AUDIT_RESOURCE,
                    resourceId(found), new Audited(code, version, FrameworkStatus.DRAFT, null),
                    new Audited(code, version, found.status, null))).replaceWith(found);
        });
    }

    /**
     * Loads a shipped framework as a published version unless its code and version exist (then nothing happens, so a
     * restart adds nothing). Resolves to whether it was loaded.
     */
    @WithTransaction
    public Uni<Boolean> loadPublished(Caller system, String code, int version, FrameworkContent content) {
        return versions.lockLoading().chain(() -> versions.find(code, version)).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            OffsetDateTime now = now();
            FrameworkVersion loaded = FrameworkVersion.draft(code, version, content, system.username(), now);
            loaded.publish(system.username(), now);
            return versions.persistAndFlush(loaded)
                    .call(saved -> auditTrail.record(system, "FRAMEWORK_VERSION_LOADED", AUDIT_RESOURCE,
                            resourceId(saved), null, Audited.of(saved)))
                    .replaceWith(true);
        });
    }

    private Uni<FrameworkVersion> require(String code, int version) {
        return versions.find(code, version).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("No framework " + code + " has a version " + version + ".");
            }
            return found;
        });
    }

    public static String resourceId(FrameworkVersion v) {
        return v.code + "/" + v.version;
    }

    private OffsetDateTime now() {
        return Revisions.now(clock);
    }
}

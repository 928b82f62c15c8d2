package id.kotacerdas.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of an assessment framework, e.g. version 2 of {@code kominfo-readiness}. A draft can be edited; once
 * published its content never changes, and a new year's criteria are a new version of the same code. Cycles refer
 * to a published version by code and number.
 */
@Entity
@Table(name = "framework_version")
public class FrameworkVersion {

    @Id
    public UUID id;

    /** The framework's code, shared by all its versions, e.g. {@code spbe}. */
    public String code;

    /** 1, 2, ... per code. */
    public int version;

    @Enumerated(EnumType.STRING)
    public FrameworkStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public FrameworkContent content;

    /** Optimistic-concurrency revision of the record (the ETag), not the framework's version number. */
    @Version
    public long revision;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    /** A new draft with validated content. */
    public static FrameworkVersion draft(String code, int version, FrameworkContent content, String by, OffsetDateTime at) {
        FrameworkVersion v = new FrameworkVersion();
        v.id = UUID.randomUUID();
        v.code = code;
        v.version = version;
        v.status = FrameworkStatus.DRAFT;
        v.content = FrameworkRules.require(content);
        v.createdAt = at;
        v.createdBy = by;
        v.updatedAt = at;
        v.updatedBy = by;
        return v;
    }

    /** Replaces a draft's content; a published version refuses. Returns whether anything changed. */
    public boolean replace(FrameworkContent newContent, String by, OffsetDateTime at) {
        requireDraft("changed");
        FrameworkRules.require(newContent);
        if (newContent.equals(content)) {
            return false;
        }
        content = newContent;
        updatedAt = at;
        updatedBy = by;
        return true;
    }

    /** Freezes the version. */
    public void publish(String by, OffsetDateTime at) {
        requireDraft("published again");
        status = FrameworkStatus.PUBLISHED;
        publishedAt = at;
        publishedBy = by;
        updatedAt = at;
        updatedBy = by;
    }

    public boolean published() {
        return status == FrameworkStatus.PUBLISHED;
    }

    public String label() {
        return code + " v" + version;
    }

    private void requireDraft(String what) {
        if (published()) {
            throw new StateConflictException(status.name(), "Framework " + label() + " is PUBLISHED (since "
                    + publishedAt + ") and can no longer be " + what
                    + "; create a new version to change its criteria.");
        }
    }
}

package id.kotacerdas.platform.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored outcome of a create sent with an {@code Idempotency-Key}, replayed on a retry. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    /** SHA-256 of caller subject and key (hex, {@code CHAR(64)}): keys are scoped to the caller. */
    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 64)
    public String id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "request_fingerprint", nullable = false, length = 64)
    public String requestFingerprint;

    @Column(nullable = false)
    public int status;

    public String location;

    /** The created resource's version (entity tag value); older records hold the quoted header form. */
    public String etag;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode body;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}

package id.kotacerdas.platform.inbox.app;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How often a probe event's effect ran (a Panache entity: effects use Panache like any service). */
@Entity
@Table(name = "probe_application")
public class ProbeApplication extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String consumer;

    @Column(nullable = false)
    public int applications;
}

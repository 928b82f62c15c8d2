package id.kotacerdas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.tool.schema.internal.HibernateSchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.junit.jupiter.api.Test;

/**
 * Hibernate validates the entities against the schema Flyway migrated, at every start: a platform default
 * (platform-core's {@code microprofile-config.properties}), so an entity that drifts from its migration fails every
 * {@code @QuarkusTest}.
 * <p>
 * Which datasource validates: with {@code quarkus.datasource.jdbc.url} set (Flyway needs it), Quarkus boots a JDBC
 * Hibernate ORM session factory beside the reactive one on the same persistence unit, and the start-up validation
 * runs there, on JDBC metadata. (Hibernate Reactive's own validator reads {@code information_schema} over the
 * reactive client without SQL type codes and takes every {@code text} column mapped to a {@code String} for drift;
 * so the JDBC datasource must stay configured.)
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class SchemaValidationTest {

    static final String STRATEGY = "quarkus.hibernate-orm.schema-management.strategy";

    /** The JDBC session factory of the persistence unit: the one that validated at start. */
    @Inject
    SessionFactory hibernate;

    @Test
    void validateIsThePlatformDefaultAndInForceOverJdbc() throws Exception {
        assertThat(ConfigProvider.getConfig().getValue(STRATEGY, String.class)).isEqualTo("validate");
        Properties own = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            own.load(in);
        }
        assertThat(own).as("region-service sets no strategy of its own").doesNotContainKey(STRATEGY);
        assertThat(hibernate.getProperties())
                .as("what Hibernate was started with")
                .containsEntry("jakarta.persistence.schema-generation.database.action", "validate");
        SchemaManagementTool tool = hibernate.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .getService(SchemaManagementTool.class);
        assertThat(tool).as("validation on JDBC metadata").isExactlyInstanceOf(HibernateSchemaManagementTool.class);
    }

    @Test
    void aColumnThatDriftedFromItsEntityFailsValidation() throws Exception {
        hibernate.getSchemaManager().validateMappedObjects(); // the migrated schema fits every entity
        alter("ALTER TABLE region_code_change RENAME COLUMN legal_basis TO legal_basis_drifted");
        try {
            assertThatThrownBy(() -> hibernate.getSchemaManager().validateMappedObjects())
                    .isInstanceOf(SchemaManagementException.class)
                    .hasMessageContaining("legal_basis")
                    .hasMessageContaining("region_code_change");
        } finally {
            alter("ALTER TABLE region_code_change RENAME COLUMN legal_basis_drifted TO legal_basis");
        }
        hibernate.getSchemaManager().validateMappedObjects();
    }

    private static void alter(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region")) {
            c.createStatement().execute(sql);
        }
    }
}

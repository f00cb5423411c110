package org.homeinfusion.nursingauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.homeinfusion.contracts.CloudEventHeaders;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.EventSchemas;
import org.homeinfusion.testsupport.CapturedRecord;

/** Holds a published record to the contract: its value must validate against its event's JSON Schema. */
final class ContractSchemas {

    /** Formats are assertions here: the contract means a date-time to be a real one, with its offset. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaIdResolvers(resolvers -> resolvers.mapPrefix(EventSchemas.BASE_URI,
                            "classpath:" + EventSchemas.SCHEMA_DIRECTORY)));

    private ContractSchemas() {
    }

    static CapturedRecord assertConforms(CapturedRecord record) {
        String eventName = CloudEventHeaders.eventName(record.header(CloudEventHeaders.TYPE));
        assertThat(SCHEMAS.getSchema(SchemaLocation.of(EventSchemas.schemaIdFor(eventName)))
                .validate(EventJson.mapper().readTree(record.value())).stream().map(Error::toString))
                .as("%s against its schema", record.value())
                .isEmpty();
        return record;
    }
}

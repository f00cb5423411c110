package org.homeinfusion.suppliesauth.authorization;

import org.apache.kafka.clients.admin.NewTopic;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.support.outbox.OutboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** This service is the single writer of {@code supplies-auth.events}, so it creates the topic. */
@Configuration(proxyBeanMethods = false)
class SuppliesTopics {

    @Bean
    NewTopic suppliesAuthEvents(OutboxProperties outbox) {
        return TopicBuilder.name(Topics.SUPPLIES_AUTH_EVENTS).partitions(outbox.topicPartitions()).replicas(1).build();
    }
}

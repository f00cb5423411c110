package org.homeinfusion.nursingauth.authorization;

import org.apache.kafka.clients.admin.NewTopic;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.support.outbox.OutboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** This service is the single writer of {@code nursing-auth.events}, so it creates the topic. */
@Configuration(proxyBeanMethods = false)
class NursingTopics {

    @Bean
    NewTopic nursingAuthEvents(OutboxProperties outbox) {
        return TopicBuilder.name(Topics.NURSING_AUTH_EVENTS).partitions(outbox.topicPartitions()).replicas(1).build();
    }
}

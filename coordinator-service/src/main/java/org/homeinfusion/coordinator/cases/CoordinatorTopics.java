package org.homeinfusion.coordinator.cases;

import org.apache.kafka.clients.admin.NewTopic;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.support.outbox.OutboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The coordinator is the single writer of the readiness topic and of its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class CoordinatorTopics {

    @Bean
    NewTopic caseReadinessEvents(OutboxProperties outbox) {
        return TopicBuilder.name(Topics.CASE_READINESS_EVENTS).partitions(outbox.topicPartitions()).replicas(1).build();
    }

    @Bean
    NewTopic coordinatorDeadLetters() {
        return TopicBuilder.name(Topics.COORDINATOR_DEAD_LETTERS).partitions(1).replicas(1).build();
    }
}

package org.homeinfusion.coordinator.cases;

import org.apache.kafka.clients.admin.NewTopic;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.support.outbox.OutboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics the coordinator writes (readiness, alerts, dead letters) and the pillar topics it reads. */
@Configuration(proxyBeanMethods = false)
class CoordinatorTopics {

    @Bean
    NewTopic caseReadinessEvents(OutboxProperties outbox) {
        return TopicBuilder.name(Topics.CASE_READINESS_EVENTS).partitions(outbox.topicPartitions()).replicas(1).build();
    }

    @Bean
    NewTopic caseAlertsEvents(OutboxProperties outbox) {
        return TopicBuilder.name(Topics.CASE_ALERTS_EVENTS).partitions(outbox.topicPartitions()).replicas(1).build();
    }

    /**
     * The pillar topics belong to the pillar services, which create them too; declaring them here as
     * well lets the coordinator's pattern subscription match them even when it starts first.
     */
    @Bean
    NewTopic drugAuthEvents(OutboxProperties outbox) {
        return TopicBuilder.name(Topics.DRUG_AUTH_EVENTS).partitions(outbox.topicPartitions()).replicas(1).build();
    }

    @Bean
    NewTopic nursingAuthEvents(OutboxProperties outbox) {
        return TopicBuilder.name(Topics.NURSING_AUTH_EVENTS).partitions(outbox.topicPartitions()).replicas(1).build();
    }

    @Bean
    NewTopic suppliesAuthEvents(OutboxProperties outbox) {
        return TopicBuilder.name(Topics.SUPPLIES_AUTH_EVENTS).partitions(outbox.topicPartitions()).replicas(1).build();
    }

    @Bean
    NewTopic coordinatorDeadLetters() {
        return TopicBuilder.name(Topics.COORDINATOR_DEAD_LETTERS).partitions(1).replicas(1).build();
    }
}

package org.homeinfusion.testsupport.archfixture.broken.orders;

import java.sql.Timestamp;

import org.homeinfusion.testsupport.archfixture.broken.payments.Payment;

public record Order(String id, Timestamp placedAt, Payment payment) {
}

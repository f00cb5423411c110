package org.homeinfusion.testsupport.archfixture.broken.payments;

import org.homeinfusion.testsupport.archfixture.broken.orders.Order;

public record Payment(String id, Order order) {
}

package org.homeinfusion.testsupport.archfixture.clean.payments;

import org.homeinfusion.testsupport.archfixture.clean.orders.Order;

public record Payment(Order order) {
}

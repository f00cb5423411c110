package org.homeinfusion.testsupport.archfixture.broken.orders;

public class OrderReport {

    Order first(Orders orders) {
        return orders.find("1");
    }
}

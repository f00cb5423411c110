package org.homeinfusion.testsupport.archfixture.clean.orders;

public record Order(String id, boolean paid) {

    public Order markPaid() {
        if (paid) {
            throw new IllegalStateException("Order " + id + " is paid already");
        }
        return new Order(id, true);
    }
}

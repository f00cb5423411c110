package org.homeinfusion.testsupport.archfixture.clean.orders;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {

    ResponseEntity<Order> pay(Order order) {
        return ResponseEntity.ok(order.markPaid());
    }

    public record Body(String id) {

        Order toOrder() {
            return new Order(id, false);
        }
    }
}

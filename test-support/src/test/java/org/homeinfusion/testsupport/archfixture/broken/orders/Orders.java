package org.homeinfusion.testsupport.archfixture.broken.orders;

import org.springframework.web.bind.annotation.RestController;

@RestController
public class Orders {

    public Order find(String id) {
        return null;
    }
}

package org.homeinfusion.suppliesauth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SuppliesAuthApplication {

    public static void main(String[] args) {
        SpringApplication.run(SuppliesAuthApplication.class, args);
    }
}

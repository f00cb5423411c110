package org.homeinfusion.drugauth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DrugAuthApplication {

    public static void main(String[] args) {
        SpringApplication.run(DrugAuthApplication.class, args);
    }
}

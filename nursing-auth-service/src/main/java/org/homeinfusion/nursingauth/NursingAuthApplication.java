package org.homeinfusion.nursingauth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NursingAuthApplication {

    public static void main(String[] args) {
        SpringApplication.run(NursingAuthApplication.class, args);
    }
}

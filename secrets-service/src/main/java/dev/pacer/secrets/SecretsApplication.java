package dev.pacer.secrets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SecretsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SecretsApplication.class, args);
    }
}

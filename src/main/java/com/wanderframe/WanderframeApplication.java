package com.wanderframe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WanderframeApplication {

	public static void main(String[] args) {
		SpringApplication.run(WanderframeApplication.class, args);
	}

}

package com.wanderframe.media.internal;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaPropertiesTests {

	@Test
	void printingTheSettingsNeverShowsTheKeys() {
		MediaProperties properties = new MediaProperties(MediaProperties.Store.S3,
				new MediaProperties.S3("photos", URI.create("https://s3.example.com"), "eu-west-1", true,
						"AKIAEXAMPLEACCESS", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), null);

		assertThat(properties.toString()).contains("photos", "https://s3.example.com", "eu-west-1", "(set)")
			.doesNotContain("AKIAEXAMPLEACCESS")
			.doesNotContain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
		assertThat(new MediaProperties(null, null, null).toString()).contains("accessKey=(none)", "secretKey=(none)");
	}

}

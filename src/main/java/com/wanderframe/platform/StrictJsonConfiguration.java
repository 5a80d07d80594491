package com.wanderframe.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies mean what they say. Jackson's defaults quietly turn {@code 6.5} into the
 * integer 6 and the number {@code 42} into the text "42", so a fractional duration was charged
 * as a whole one; and PostgreSQL cannot store a NUL character, so one inside any text field
 * answered 500 after the request had got as far as the database. Here a number field takes
 * whole numbers only, a text field JSON strings only, and text never holds NUL: anything else
 * is a 400 {@code malformed_request} before any work is done.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictRequestBodies() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.addModule(new SimpleModule("strict-text").addDeserializer(String.class, new JsonStringsOnly()));
	}

	/** Jackson's own string deserializer also takes numbers, booleans and NUL characters. */
	static final class JsonStringsOnly extends StdScalarDeserializer<String> {

		JsonStringsOnly() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (String) context.handleUnexpectedToken(String.class, parser);
			}
			String text = parser.getString();
			if (text.indexOf('\0') >= 0) {
				return context.reportInputMismatch(this, "Text may not contain NUL characters.");
			}
			return text;
		}

	}

}

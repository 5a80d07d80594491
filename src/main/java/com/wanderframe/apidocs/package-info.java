/**
 * The API's description: OpenAPI at {@code /v3/api-docs} (springdoc, generated from the
 * controllers) and the API page (Swagger UI from its webjar, served by the app), with each
 * endpoint's summary and the problem codes it may answer with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API description")
package com.wanderframe.apidocs;

/**
 * The API's description: OpenAPI at {@code /v3/api-docs} (springdoc, generated from the
 * controllers) and the API page at {@code /docs/api} (rendered from that description by the app,
 * accessible and script-free), with each endpoint's summary and the problem codes it may answer with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API description")
package com.wanderframe.apidocs;

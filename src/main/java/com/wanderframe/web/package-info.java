/**
 * The studio in the browser: server-rendered pages (sign-up, sign-in, the five-step studio,
 * history) and the project's own scripts and styles, including the video player. The pages only
 * call the JSON APIs of the other modules; they hold no state the server does not.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package com.wanderframe.web;

package com.wanderframe.video.internal;

import java.util.UUID;

record GenerateVideoRequest(UUID imageId, String prompt, String template, Integer duration, String resolution) {
}

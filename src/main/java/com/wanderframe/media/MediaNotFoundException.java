package com.wanderframe.media;

import java.io.FileNotFoundException;

public class MediaNotFoundException extends FileNotFoundException {

	public MediaNotFoundException(String key) {
		super("No media at " + key);
	}

}

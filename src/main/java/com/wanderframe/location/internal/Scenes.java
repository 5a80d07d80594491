package com.wanderframe.location.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import static com.wanderframe.location.internal.Painter.mix;
import static com.wanderframe.location.internal.Painter.rgb;
import static com.wanderframe.location.internal.Painter.rgba;

/**
 * One painting per place. Each reads top to bottom like a landscape painter works: sky, light,
 * far shapes in haze, the landmark, near shapes, water, then the lens.
 */
final class Scenes {

	private Scenes() {
	}

	static void parisAtDusk(Painter p) {
		p.sky(0.72, new float[] { 0f, 0.45f, 0.78f, 1f }, rgb(0x1b2450), rgb(0x5a3f7a), rgb(0xe07a5f), rgb(0xf6c177));
		p.stars(70, 0.3, 0.5);
		p.streaks(26, 0.3, 0.62, rgba(0xf7a8a0, 0.45));
		p.sun(p.x(0.2), p.y(0.7), 36, rgb(0xffe3a8), rgb(0xff9e5e));
		p.depth(Painter.Depth.FAR);
		Silhouettes.buildings(p, p.y(0.72), p.y(0.03), p.y(0.08), 40, 110, rgb(0x6b5277), rgb(0xffc46b), 0.03, true);
		p.depth(Painter.Depth.MIDDLE);
		Silhouettes.eiffelTower(p, p.x(0.66), p.y(0.73), p.y(0.56), rgb(0x2a1f35), rgb(0xffd27a));
		p.depth(Painter.Depth.NEAR);
		Silhouettes.buildings(p, p.y(0.735), p.y(0.05), p.y(0.11), 70, 160, rgb(0x231a2e), rgb(0xffcf7a), 0.22, true);
		p.reflect(0.735, rgb(0x2b2745), 0.42, 2.5);
		for (int i = 0; i < 14; i++) {
			double lx = p.x(0.03 + i * 0.075);
			p.glow(lx, p.y(0.728), 14, rgba(0xffd590, 0.8));
		}
		p.vignette(0.38);
	}

	static void kyotoInSpring(Painter p) {
		p.sky(0.72, new float[] { 0f, 0.6f, 1f }, rgb(0x8fb8de), rgb(0xf3d9e4), rgb(0xfbe9d7));
		for (int i = 0; i < 5; i++) {
			p.cloud(p.x(p.between(0.05, 0.95)), p.y(p.between(0.1, 0.3)), p.x(0.14), rgba(0xffffff, 0.55),
					rgba(0xf1d4e0, 0.35));
		}
		p.depth(Painter.Depth.FAR);
		p.fillVertical(p.below(p.profile(0.52, 0.08, 4, 2.5, 0.5)), rgb(0xa9b7cf), rgb(0xc9cfe0));
		p.mist(0.58, 0.1, rgba(0xf6e6ee, 0.7));
		p.fillVertical(p.below(p.profile(0.62, 0.05, 4, 3, 0.5)), rgb(0x7f9a8c), rgb(0x93a89a));
		p.mist(0.66, 0.08, rgba(0xf6e6ee, 0.6));
		p.depth(Painter.Depth.MIDDLE);
		Silhouettes.pagoda(p, p.x(0.34), p.y(0.74), p.y(0.5), rgb(0x4a3336), rgb(0x2e2328));
		p.depth(Painter.Depth.NEAR);
		double[] ground = p.profile(0.76, 0.02, 3, 2, 0.5);
		p.fillVertical(p.below(ground), rgb(0x6d8a5c), rgb(0x3f5238));
		Color[] blossom = { rgb(0xf7c6d4), rgb(0xf4a7bd), rgb(0xfde3ea), rgb(0xeeb0c6) };
		Silhouettes.cherryTree(p, p.x(0.8), Painter.at(ground, p.x(0.8)), p.y(0.72), rgb(0x3b2a2a), blossom);
		Silhouettes.cherryTree(p, p.x(0.05), p.y(1.02), p.y(1.0), rgb(0x2f2222), blossom);
		for (int i = 0; i < 260; i++) {
			double px = p.random.nextDouble() * p.w;
			double py = p.random.nextDouble() * p.h;
			Color c = blossom[p.random.nextInt(blossom.length)];
			p.g.rotate(p.between(0, Math.PI), px, py);
			p.fill(new Ellipse2D.Double(px, py, p.between(5, 11), p.between(3, 6)),
					new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) p.between(140, 230)));
			p.g.setTransform(new java.awt.geom.AffineTransform());
		}
		p.vignette(0.25);
	}

	static void santorini(Painter p) {
		p.sky(0.6, new float[] { 0f, 0.5f, 0.85f, 1f }, rgb(0x3d7cc9), rgb(0x8ec1e8), rgb(0xf7d7a8), rgb(0xf9b77a));
		p.sun(p.x(0.82), p.y(0.55), 34, rgb(0xfff1c9), rgb(0xffb469));
		p.depth(Painter.Depth.FAR);
		p.verticalGradient(0.6, 1.0, rgb(0x2f6fb0), rgb(0x0d3a6e));
		Path2D island = new Path2D.Double();
		island.moveTo(p.x(0.4), p.y(0.6));
		island.quadTo(p.x(0.5), p.y(0.575), p.x(0.62), p.y(0.585));
		island.lineTo(p.x(0.7), p.y(0.6));
		island.closePath();
		p.fill(island, rgb(0x9a8aa6));
		for (int i = 0; i < 60; i++) {
			double gy = p.y(0.605) + Math.pow(p.random.nextDouble(), 1.5) * p.y(0.4);
			double spread = (gy - p.y(0.6)) * 0.5 + 20;
			p.fill(new Ellipse2D.Double(p.x(0.82) + p.between(-spread, spread) - 30, gy, p.between(30, 90), 3),
					rgba(0xffd89a, p.between(0.2, 0.6)));
		}
		p.depth(Painter.Depth.MIDDLE);
		Path2D cliff = new Path2D.Double();
		cliff.moveTo(0, p.h);
		cliff.lineTo(0, p.y(0.36));
		for (double t = 0; t <= 1.0001; t += 0.02) {
			cliff.lineTo(p.x(0.6) * t, cliffTop(p, t) + Math.sin(t * 40) * 4);
		}
		cliff.lineTo(p.x(0.66), p.y(0.78));
		cliff.lineTo(p.x(0.58), p.h);
		cliff.closePath();
		p.fillVertical(cliff, rgb(0xb07a56), rgb(0x4f3125));
		p.g.setClip(cliff);
		Color[] rock = { rgba(0x6b2f22, 0.45), rgba(0xc9a070, 0.3), rgba(0x3a2620, 0.4), rgba(0x9a5a3a, 0.35) };
		for (int i = 0; i < 14; i++) {
			double sy = p.y(0.5) + i * p.y(0.04) + p.between(-10, 10);
			Path2D band = new Path2D.Double();
			band.moveTo(0, sy);
			for (double bx = 0; bx <= p.x(0.7); bx += 40) {
				band.lineTo(bx, sy + Math.sin(bx * 0.01 + i) * 8 + bx * 0.08);
			}
			for (double bx = p.x(0.7); bx >= 0; bx -= 40) {
				band.lineTo(bx, sy + p.y(0.02) + Math.sin(bx * 0.013 + i) * 6 + bx * 0.08);
			}
			band.closePath();
			p.fill(band, rock[i % rock.length]);
		}
		for (int i = 0; i < 40; i++) {
			double sy = p.between(p.y(0.4), p.h);
			p.stroke(new Line2D.Double(0, sy, p.x(0.7), sy + p.between(-30, 30)), rgba(0x2a1a14, 0.12),
					p.between(1, 3));
		}
		p.g.setClip(null);
		p.depth(Painter.Depth.NEAR);
		for (int row = 0; row < 9; row++) {
			for (double x = p.between(-20, 10); x < p.x(0.6); x += p.between(46, 84)) {
				double t = x / p.x(0.6);
				double base = cliffTop(p, t) + row * 34 + 10;
				if (base > p.y(0.62) + t * p.y(0.12) + 40) {
					continue;
				}
				house(p, x, base, p.between(34, 70), p.between(26, 44), p.random.nextDouble() < 0.05);
			}
		}
		p.vignette(0.22);
	}

	private static double cliffTop(Painter p, double t) {
		return p.y(0.38) + Math.pow(t, 1.6) * p.y(0.26);
	}

	private static void house(Painter p, double x, double base, double width, double height, boolean dome) {
		Color wall = mix(rgb(0xfbf7ef), rgb(0xf2d9b8), p.between(0, 0.5));
		p.fill(new Rectangle2D.Double(x, base - height, width, height), wall);
		p.fill(new Rectangle2D.Double(x + width * 0.72, base - height, width * 0.28, height), rgba(0xc8a88c, 0.45));
		if (p.random.nextDouble() < 0.6) {
			p.fill(new Rectangle2D.Double(x + width * 0.25, base - height * 0.6, 8, 12),
					p.random.nextDouble() < 0.5 ? rgb(0x2c5fa8) : rgb(0x6b4a3a));
		}
		if (dome) {
			double r = width * 0.38;
			double cx = x + width / 2;
			double drumTop = base - height - r * 0.45;
			p.fill(new Rectangle2D.Double(cx - r * 0.85, drumTop, r * 1.7, r * 0.46), wall);
			p.fill(new java.awt.geom.Arc2D.Double(cx - r, drumTop - r, r * 2, r * 2, 0, 180, java.awt.geom.Arc2D.CHORD),
					new GradientPaint((float) (cx - r), (float) (drumTop - r), rgb(0x4a8ae0), (float) (cx + r),
							(float) drumTop, rgb(0x123f86)));
			p.fill(new Rectangle2D.Double(cx - 1.5, drumTop - r - 14, 3, 14), wall);
			p.fill(new Rectangle2D.Double(cx - 5, drumTop - r - 10, 10, 3), wall);
		}
	}

	static void newYorkAtNight(Painter p) {
		p.sky(0.74, new float[] { 0f, 0.6f, 1f }, rgb(0x050a1e), rgb(0x13204a), rgb(0x3a3a6b));
		p.stars(170, 0.5, 0.6);
		p.sun(p.x(0.14), p.y(0.15), 40, rgb(0xf5f3e6), rgb(0x9fb3ff));
		p.glow(p.x(0.5), p.y(0.74), p.x(0.5), rgba(0xff9e5e, 0.25));
		p.depth(Painter.Depth.FAR);
		Silhouettes.buildings(p, p.y(0.74), p.y(0.1), p.y(0.3), 40, 90, rgb(0x1a2240), rgb(0xffd88a), 0.1, false);
		p.depth(Painter.Depth.MIDDLE);
		empireState(p, p.x(0.58), p.y(0.745), p.y(0.6));
		Path2D tower = new Path2D.Double();
		tower.moveTo(p.x(0.28), p.y(0.745));
		tower.lineTo(p.x(0.285), p.y(0.2));
		tower.lineTo(p.x(0.3), p.y(0.18));
		tower.lineTo(p.x(0.315), p.y(0.2));
		tower.lineTo(p.x(0.32), p.y(0.745));
		tower.closePath();
		p.fill(tower, new GradientPaint((float) p.x(0.28), 0, rgb(0x253157), (float) p.x(0.32), 0, rgb(0x0f1630)));
		p.stroke(new Line2D.Double(p.x(0.3), p.y(0.18), p.x(0.3), p.y(0.11)), rgb(0x1a2240), 3);
		p.glow(p.x(0.3), p.y(0.11), 10, rgba(0xff5a5a, 0.9));
		p.depth(Painter.Depth.NEAR);
		Silhouettes.buildings(p, p.y(0.76), p.y(0.05), p.y(0.2), 50, 120, rgb(0x0a1024), rgb(0xffe3a3), 0.24, false);
		p.reflect(0.76, rgb(0x0a1330), 0.45, 3);
		p.vignette(0.4);
	}

	private static void empireState(Painter p, double cx, double baseY, double height) {
		Color body = rgb(0x141c38);
		double[][] steps = { { 0.16, 0.0, 0.62 }, { 0.12, 0.62, 0.7 }, { 0.09, 0.7, 0.78 }, { 0.06, 0.78, 0.86 },
				{ 0.035, 0.86, 0.9 }, { 0.015, 0.9, 0.96 } };
		for (double[] step : steps) {
			double half = step[0] * height / 2;
			p.fill(new Rectangle2D.Double(cx - half, baseY - step[2] * height, half * 2, (step[2] - step[1]) * height + 1),
					body);
		}
		p.stroke(new Line2D.Double(cx, baseY - 0.96 * height, cx, baseY - height), body, 3);
		p.glow(cx, baseY - 0.84 * height, height * 0.09, rgba(0xffd27f, 0.7));
		for (double y = baseY - 0.6 * height; y < baseY - 20; y += 14) {
			for (double x = cx - 0.075 * height; x < cx + 0.075 * height; x += 10) {
				if (p.random.nextDouble() < 0.3) {
					p.fill(new Rectangle2D.Double(x, y, 4, 7), rgba(0xffe3a3, 0.8));
				}
			}
		}
	}

	static void swissAlps(Painter p) {
		p.sky(0.62, new float[] { 0f, 0.7f, 1f }, rgb(0x2f6db5), rgb(0x9cc9ef), rgb(0xdff0fb));
		p.cloud(p.x(0.2), p.y(0.14), p.x(0.2), rgba(0xffffff, 0.9), rgba(0xd6e4f2, 0.8));
		p.cloud(p.x(0.85), p.y(0.1), p.x(0.16), rgba(0xffffff, 0.85), rgba(0xd6e4f2, 0.7));
		p.depth(Painter.Depth.FAR);
		double[][] peaks = { { 0.1, 0.32, 1.3 }, { 0.3, 0.2, 1.1 }, { 0.47, 0.28, 1.2 }, { 0.66, 0.12, 1.6 },
				{ 0.88, 0.26, 1.2 }, { 1.05, 0.3, 1.3 } };
		double[] jitter = p.noiseLine(p.w / Painter.PROFILE_STEP, 5, 12, 0.55);
		double[] ridge = new double[jitter.length];
		for (int i = 0; i < ridge.length; i++) {
			double fx = (double) i * Painter.PROFILE_STEP / p.w;
			double best = p.y(0.62);
			for (double[] peak : peaks) {
				best = Math.min(best, p.y(peak[1]) + Math.abs(fx - peak[0]) * peak[2] * p.h);
			}
			ridge[i] = best + jitter[i] * p.y(0.02);
		}
		Path2D mountains = p.below(ridge);
		p.fillVertical(mountains, rgb(0x7d8aa0), rgb(0x56657a));
		p.g.setClip(mountains);
		Path2D snow = new Path2D.Double();
		snow.moveTo(0, ridge[0]);
		for (int i = 0; i < ridge.length; i++) {
			snow.lineTo(i * Painter.PROFILE_STEP, ridge[i]);
		}
		for (int i = ridge.length - 1; i >= 0; i--) {
			double depth = Math.max(0, p.y(0.45) - ridge[i]) * 0.9 + 10 + jitter[i] * 40;
			snow.lineTo(i * Painter.PROFILE_STEP, ridge[i] + depth);
		}
		snow.closePath();
		p.fillVertical(snow, rgb(0xffffff), rgb(0xdbe6f3));
		for (double[] peak : peaks) {
			Path2D shade = new Path2D.Double();
			shade.moveTo(p.x(peak[0]), p.y(peak[1]));
			shade.lineTo(p.x(peak[0]) + p.y(0.45) / peak[2] * 0.9, p.y(0.7));
			shade.lineTo(p.x(peak[0]) + 10, p.y(0.7));
			shade.closePath();
			p.fill(shade, rgba(0x4a6a9a, 0.28));
		}
		p.g.setClip(null);
		p.mist(0.6, 0.1, rgba(0xeef6fb, 0.75));
		p.depth(Painter.Depth.MIDDLE);
		double[] far = p.profile(0.68, 0.035, 4, 3, 0.5);
		p.fillVertical(p.below(far), rgb(0x5c8f3e), rgb(0x3f6b2a));
		for (int i = 0; i < 90; i++) {
			double tx = p.random.nextDouble() * p.w;
			Silhouettes.pine(p, tx, Painter.at(far, tx) + p.between(6, 30), p.between(30, 60), rgb(0x23432a));
		}
		p.depth(Painter.Depth.NEAR);
		double[] near = p.profile(0.82, 0.05, 4, 2, 0.5);
		p.fillVertical(p.below(near), rgb(0x76a84a), rgb(0x4a7a30));
		chalet(p, p.x(0.74), Painter.at(near, p.x(0.74)) + 18, p.x(0.09));
		for (int i = 0; i < 26; i++) {
			double tx = p.random.nextDouble() < 0.5 ? p.between(0, p.x(0.22)) : p.between(p.x(0.86), p.w);
			Silhouettes.pine(p, tx, Painter.at(near, tx) + p.between(10, 60), p.between(90, 170), rgb(0x1c3a22));
		}
		p.vignette(0.2);
	}

	private static void chalet(Painter p, double cx, double baseY, double width) {
		double height = width * 0.55;
		p.fill(new Rectangle2D.Double(cx - width / 2, baseY - height, width, height), rgb(0x8a5530));
		for (double y = baseY - height + 8; y < baseY; y += 9) {
			p.stroke(new Line2D.Double(cx - width / 2, y, cx + width / 2, y), rgba(0x5a3319, 0.6), 1.5);
		}
		p.fill(new Rectangle2D.Double(cx - width / 2, baseY - height * 0.35, width, height * 0.35), rgb(0xe8e2d6));
		Path2D roof = new Path2D.Double();
		roof.moveTo(cx - width * 0.66, baseY - height + 4);
		roof.lineTo(cx, baseY - height - width * 0.32);
		roof.lineTo(cx + width * 0.66, baseY - height + 4);
		roof.lineTo(cx + width * 0.6, baseY - height + 12);
		roof.lineTo(cx, baseY - height - width * 0.26);
		roof.lineTo(cx - width * 0.6, baseY - height + 12);
		roof.closePath();
		p.fill(roof, rgb(0x3b2a22));
		for (int i = 0; i < 3; i++) {
			double wx = cx - width * 0.35 + i * width * 0.28;
			p.fill(new Rectangle2D.Double(wx, baseY - height * 0.8, width * 0.13, height * 0.28), rgb(0x2a1a10));
			p.fill(new Rectangle2D.Double(wx - 2, baseY - height * 0.52, width * 0.13 + 4, height * 0.07), rgb(0xd8322a));
		}
	}

	static void saharaDunes(Painter p) {
		p.sky(0.6, new float[] { 0f, 0.4f, 0.75f, 1f }, rgb(0x3f3b6e), rgb(0xc96b5b), rgb(0xf4a259), rgb(0xfcd38a));
		p.sun(p.x(0.7), p.y(0.5), 58, rgb(0xfff0c8), rgb(0xff9b52));
		p.streaks(8, 0.4, 0.52, rgba(0xffd2a0, 0.4));
		p.depth(Painter.Depth.FAR);
		p.fillVertical(p.below(p.profile(0.6, 0.03, 2, 2, 0.4)), rgb(0xc9774a), rgb(0xb86a40));
		p.depth(Painter.Depth.MIDDLE);
		double[] mid = dunes(p, 0.69, 0.07, 3);
		p.fillVertical(p.below(mid), rgb(0xe3a062), rgb(0xb0643a));
		p.stroke(crest(mid), rgba(0xffe0b0, 0.7), 3);
		double start = p.x(0.18);
		for (int i = 0; i < 5; i++) {
			double cx = start + i * 62;
			if (i == 0) {
				Silhouettes.walker(p, cx, Painter.at(mid, cx) + 2, 58, rgb(0x3a2418));
			}
			else {
				Silhouettes.camel(p, cx, Painter.at(mid, cx) + 3, 52, rgb(0x3a2418));
			}
		}
		p.depth(Painter.Depth.NEAR);
		double[] near = dunes(p, 0.86, 0.1, 2);
		Path2D nearArea = p.below(near);
		p.fillVertical(nearArea, rgb(0xf3b676), rgb(0xb86c3c));
		p.g.setClip(nearArea);
		for (int i = 0; i < 70; i++) {
			double ry = p.between(p.y(0.78), p.h);
			Path2D ripple = new Path2D.Double();
			ripple.moveTo(0, ry);
			for (double x = 0; x <= p.w; x += 64) {
				ripple.lineTo(x, ry + Math.sin(x * 0.004 + i) * 12);
			}
			p.stroke(ripple, rgba(0x8a4a26, 0.16), 2);
		}
		p.g.setClip(null);
		p.stroke(crest(near), rgba(0xffe6bd, 0.8), 4);
		p.vignette(0.3);
	}

	/** Dune crests: sharp on top, smooth below. */
	private static double[] dunes(Painter p, double baseY, double amplitude, int octaves) {
		double[] line = p.noiseLine(p.w / Painter.PROFILE_STEP, octaves, 2.5, 0.4);
		double[] ys = new double[line.length];
		for (int i = 0; i < line.length; i++) {
			ys[i] = p.y(baseY) - (1 - Math.abs(line[i]) * 2.2) * p.y(amplitude);
		}
		return ys;
	}

	private static Path2D crest(double[] profile) {
		Path2D line = new Path2D.Double();
		line.moveTo(0, profile[0]);
		for (int i = 1; i < profile.length; i++) {
			line.lineTo(i * Painter.PROFILE_STEP, profile[i]);
		}
		return line;
	}

	static void icelandAurora(Painter p) {
		p.sky(0.66, new float[] { 0f, 0.6f, 1f }, rgb(0x020812), rgb(0x06182a), rgb(0x0d3040));
		p.stars(320, 0.62, 0.9);
		double[] curtain = p.noiseLine(p.w / 3, 4, 3, 0.5);
		double[] length = p.noiseLine(p.w / 3, 3, 6, 0.5);
		for (int band = 0; band < 2; band++) {
			for (int i = 0; i < curtain.length; i++) {
				double x = i * 3 + band * 40;
				double base = p.y(0.42 - band * 0.12) + curtain[i] * p.y(0.16);
				double tall = p.y(0.2 + band * 0.05) * (0.6 + length[i]);
				double strength = 0.26 + 0.3 * Math.abs(length[(i * 7 + band * 11) % length.length]);
				Color top = band == 0 ? rgba(0xb36bff, 0) : rgba(0x49f2c2, 0);
				Color edge = band == 0 ? rgba(0x3dff9a, strength) : rgba(0x7affd0, strength * 0.8);
				Color below = band == 0 ? rgba(0x3dff9a, 0) : rgba(0x7affd0, 0);
				double fade = p.y(0.05);
				p.g.setPaint(new java.awt.LinearGradientPaint(0, (float) (base - tall), 0, (float) (base + fade),
						new float[] { 0f, (float) (tall * 0.92 / (tall + fade)), 1f }, new Color[] { top, edge, below }));
				p.g.fill(new Rectangle2D.Double(x, base - tall, 3.2, tall + fade));
			}
		}
		p.glow(p.x(0.45), p.y(0.45), p.x(0.4), rgba(0x1f9a6a, 0.18));
		Path2D peak = new Path2D.Double();
		peak.moveTo(p.x(0.42), p.y(0.67));
		peak.curveTo(p.x(0.5), p.y(0.6), p.x(0.52), p.y(0.4), p.x(0.57), p.y(0.33));
		peak.quadTo(p.x(0.59), p.y(0.31), p.x(0.61), p.y(0.34));
		peak.curveTo(p.x(0.63), p.y(0.42), p.x(0.66), p.y(0.5), p.x(0.72), p.y(0.53));
		peak.quadTo(p.x(0.78), p.y(0.58), p.x(0.86), p.y(0.67));
		peak.closePath();
		p.depth(Painter.Depth.FAR);
		p.fillVertical(p.below(p.profile(0.64, 0.03, 4, 3, 0.5)), rgb(0x0c1a22), rgb(0x08121a));
		p.fillVertical(peak, rgb(0x16262e), rgb(0x0a141a));
		// Aurora light on the mountain's western face.
		p.g.setClip(peak);
		p.g.setPaint(new GradientPaint((float) p.x(0.45), (float) p.y(0.35), rgba(0x5fd6a8, 0.22), (float) p.x(0.62),
				(float) p.y(0.5), rgba(0x5fd6a8, 0)));
		p.g.fill(peak.getBounds2D());
		p.g.setClip(null);
		p.depth(Painter.Depth.MIDDLE);
		p.reflect(0.67, rgb(0x04121c), 0.3, 1.5);
		p.depth(Painter.Depth.NEAR);
		p.fillVertical(p.below(p.profile(0.93, 0.04, 4, 3, 0.5)), rgb(0x071015), rgb(0x020406));
		p.vignette(0.45);
	}

	static void veniceCanals(Painter p) {
		p.sky(0.5, new float[] { 0f, 0.7f, 1f }, rgb(0x6aa6d8), rgb(0xcfe3ef), rgb(0xf5e3c3));
		p.cloud(p.x(0.7), p.y(0.12), p.x(0.18), rgba(0xffffff, 0.8), rgba(0xf0dcc8, 0.6));
		p.depth(Painter.Depth.FAR);
		p.fill(new Rectangle2D.Double(p.x(0.14), p.y(0.08), p.x(0.04), p.y(0.55)), rgb(0xa3452d));
		p.fill(new Rectangle2D.Double(p.x(0.135), p.y(0.14), p.x(0.05), p.y(0.06)), rgb(0xe6dccb));
		Path2D spire = new Path2D.Double();
		spire.moveTo(p.x(0.135), p.y(0.14));
		spire.lineTo(p.x(0.16), p.y(0.02));
		spire.lineTo(p.x(0.185), p.y(0.14));
		spire.closePath();
		p.fill(spire, rgb(0x5f8a6a));
		p.fill(new Rectangle2D.Double(p.x(0.73), p.y(0.3), p.x(0.2), p.y(0.3)), rgb(0xe9e2d2));
		p.fill(new Ellipse2D.Double(p.x(0.75), p.y(0.14), p.x(0.16), p.y(0.34)),
				new GradientPaint(0, (float) p.y(0.14), rgb(0xb9c3c7), 0, (float) p.y(0.32), rgb(0x8e9ba3)));
		p.fill(new Rectangle2D.Double(p.x(0.82), p.y(0.08), p.x(0.02), p.y(0.07)), rgb(0xe9e2d2));
		p.disc(p.x(0.83), p.y(0.075), 10, rgb(0x8e9ba3));
		p.depth(Painter.Depth.MIDDLE);
		Color[] facades = { rgb(0xd9a441), rgb(0xc2562f), rgb(0xe7a7a0), rgb(0xefd9b0), rgb(0xa8432a), rgb(0xe0c080) };
		double x = -20;
		while (x < p.w) {
			double bw = p.between(130, 240);
			double bh = p.between(p.y(0.2), p.y(0.34));
			double top = p.y(0.64) - bh;
			Color facade = facades[p.random.nextInt(facades.length)];
			p.fill(new Rectangle2D.Double(x, top, bw, bh), facade);
			p.fill(new Rectangle2D.Double(x - 4, top - 10, bw + 8, 12), rgb(0x8e3b26));
			p.fill(new Rectangle2D.Double(x + bw * 0.8, top, bw * 0.2, bh), rgba(0x000000, 0.12));
			for (double wy = top + 30; wy < p.y(0.6); wy += 70) {
				for (double wx = x + 20; wx < x + bw - 40; wx += 42) {
					Path2D window = new Path2D.Double();
					window.moveTo(wx, wy + 44);
					window.lineTo(wx, wy + 12);
					window.quadTo(wx + 11, wy - 6, wx + 22, wy + 12);
					window.lineTo(wx + 22, wy + 44);
					window.closePath();
					p.stroke(window, rgba(0xf6f0e4, 0.9), 5);
					p.fill(window, rgb(0x2e2a2a));
				}
				p.fill(new Rectangle2D.Double(x + 14, wy + 46, bw - 40, 5), rgba(0xf6f0e4, 0.8));
			}
			if (p.random.nextDouble() < 0.6) {
				double cx = x + p.between(20, bw - 20);
				p.fill(new Rectangle2D.Double(cx - 5, top - 40, 10, 32), rgb(0x8e3b26));
				p.fill(new Rectangle2D.Double(cx - 11, top - 48, 22, 12), rgb(0x8e3b26));
			}
			x += bw;
		}
		p.depth(Painter.Depth.NEAR);
		p.fill(new Rectangle2D.Double(0, p.y(0.62), p.w, p.y(0.03)), rgb(0x6b5a48));
		p.reflect(0.65, rgb(0x2f6b6b), 0.45, 4);
		for (int i = 0; i < 7; i++) {
			double px = p.x(0.08 + i * 0.14) + p.between(-20, 20);
			for (int s = 0; s < 6; s++) {
				p.fill(new Rectangle2D.Double(px, p.y(0.5) + s * 22, 9, 22),
						s % 2 == 0 ? rgb(0xf4f0e8) : rgb(0x2a4f9a));
			}
		}
		Silhouettes.gondola(p, p.x(0.62), p.y(0.86), p.x(0.3), rgb(0x0d0d10));
		p.vignette(0.25);
	}

	static void machuPicchu(Painter p) {
		p.sky(0.55, new float[] { 0f, 0.6f, 1f }, rgb(0x6c93c4), rgb(0xc2d6e6), rgb(0xe9eef0));
		for (int i = 0; i < 4; i++) {
			p.cloud(p.x(p.between(0, 1)), p.y(p.between(0.08, 0.25)), p.x(0.2), rgba(0xffffff, 0.85),
					rgba(0xc9d6e2, 0.7));
		}
		p.depth(Painter.Depth.FAR);
		double[] far = p.profile(0.42, 0.14, 5, 3, 0.55);
		p.fillVertical(p.below(far), rgb(0x8aa1ad), rgb(0x9fb3bc));
		p.mist(0.5, 0.12, rgba(0xeef3f5, 0.8));
		p.depth(Painter.Depth.MIDDLE);
		Path2D huayna = new Path2D.Double();
		huayna.moveTo(p.x(0.36), p.y(0.72));
		huayna.curveTo(p.x(0.44), p.y(0.5), p.x(0.5), p.y(0.15), p.x(0.56), p.y(0.12));
		huayna.curveTo(p.x(0.6), p.y(0.12), p.x(0.64), p.y(0.3), p.x(0.68), p.y(0.42));
		huayna.curveTo(p.x(0.72), p.y(0.38), p.x(0.75), p.y(0.4), p.x(0.8), p.y(0.5));
		huayna.lineTo(p.x(0.9), p.y(0.72));
		huayna.closePath();
		p.fillVertical(huayna, rgb(0x3f6b3a), rgb(0x26402a));
		p.g.setClip(huayna);
		for (int i = 0; i < 160; i++) {
			p.disc(p.between(p.x(0.36), p.x(0.9)), p.between(p.y(0.12), p.y(0.72)), p.between(6, 16),
					rgba(0x5a8a4a, 0.25));
		}
		p.g.setClip(null);
		p.mist(0.62, 0.1, rgba(0xeef3f5, 0.7));
		p.depth(Painter.Depth.NEAR);
		p.verticalGradient(0.7, 1.0, rgb(0x5b7d36), rgb(0x2f4a22));
		for (int t = 0; t < 9; t++) {
			double ty = p.y(0.64) + t * 26;
			double inset = t * 14;
			Path2D terrace = new Path2D.Double();
			terrace.moveTo(p.x(0.12) - inset, ty);
			terrace.lineTo(p.x(0.88) + inset, ty);
			terrace.lineTo(p.x(0.9) + inset, ty + 26);
			terrace.lineTo(p.x(0.1) - inset, ty + 26);
			terrace.closePath();
			p.fill(terrace, mix(rgb(0x7da14a), rgb(0x5b7d36), t / 9.0));
			p.fill(new Rectangle2D.Double(p.x(0.1) - inset, ty + 20, p.x(0.8) + inset * 2, 6), rgb(0x8f8a7a));
		}
		for (int i = 0; i < 22; i++) {
			double rx = p.x(p.between(0.2, 0.8));
			double ry = p.y(0.64) + p.between(10, 120);
			double rw = p.between(40, 110);
			double rh = p.between(22, 40);
			p.fill(new Rectangle2D.Double(rx, ry - rh, rw, rh), rgb(0xa39e90));
			p.fill(new Rectangle2D.Double(rx + rw * 0.7, ry - rh, rw * 0.3, rh), rgb(0x7d786c));
			p.fill(new Rectangle2D.Double(rx + rw * 0.3, ry - rh * 0.7, rw * 0.12, rh * 0.7), rgb(0x4a463e));
			if (p.random.nextDouble() < 0.3) {
				Path2D roof = new Path2D.Double();
				roof.moveTo(rx - 6, ry - rh);
				roof.lineTo(rx + rw / 2, ry - rh - rw * 0.45);
				roof.lineTo(rx + rw + 6, ry - rh);
				roof.closePath();
				p.fill(roof, rgb(0x8a6a3a));
			}
		}
		Path2D left = new Path2D.Double();
		left.moveTo(0, p.y(0.5));
		left.quadTo(p.x(0.12), p.y(0.7), p.x(0.2), p.h);
		left.lineTo(0, p.h);
		left.closePath();
		p.fillVertical(left, rgb(0x2f4a2c), rgb(0x16241a));
		Path2D right = new Path2D.Double();
		right.moveTo(p.w, p.y(0.55));
		right.quadTo(p.x(0.9), p.y(0.75), p.x(0.82), p.h);
		right.lineTo(p.w, p.h);
		right.closePath();
		p.fillVertical(right, rgb(0x2f4a2c), rgb(0x16241a));
		p.vignette(0.25);
	}

	static void tokyoNeon(Painter p) {
		p.sky(0.5, new float[] { 0f, 1f }, rgb(0x0b0620), rgb(0x3a1450));
		p.glow(p.x(0.5), p.y(0.5), p.x(0.5), rgba(0xff3d9a, 0.15));
		p.depth(Painter.Depth.FAR);
		Path2D tower = new Path2D.Double();
		tower.moveTo(p.x(0.46), p.y(0.72));
		tower.quadTo(p.x(0.49), p.y(0.4), p.x(0.498), p.y(0.12));
		tower.lineTo(p.x(0.502), p.y(0.12));
		tower.quadTo(p.x(0.51), p.y(0.4), p.x(0.54), p.y(0.72));
		tower.closePath();
		p.fill(tower, rgb(0xff6a2a));
		p.fill(new Rectangle2D.Double(p.x(0.48), p.y(0.42), p.x(0.04), p.y(0.03)), rgb(0xffe0c0));
		p.glow(p.x(0.5), p.y(0.35), p.y(0.3), rgba(0xff7a3a, 0.35));
		p.depth(Painter.Depth.MIDDLE);
		Color[] neon = { rgb(0xff3d9a), rgb(0x35e8ff), rgb(0xffd23d), rgb(0xa45bff), rgb(0xff4040), rgb(0x4dff88) };
		for (int layer = 0; layer < 2; layer++) {
			double x = -30;
			while (x < p.w) {
				double bw = p.between(120, 260) * (layer == 0 ? 0.7 : 1);
				boolean center = x + bw > p.x(0.4) && x < p.x(0.6);
				double bh = layer == 0 ? p.between(p.y(0.25), p.y(0.45)) : p.between(p.y(0.35), p.y(0.62));
				if (layer == 1 && center) {
					bh = p.y(0.2);
				}
				double top = p.y(0.74) - bh;
				p.fill(new Rectangle2D.Double(x, top, bw, bh + 2), layer == 0 ? rgb(0x1d1830) : rgb(0x110d1c));
				for (double wy = top + 14; wy < p.y(0.72); wy += 20) {
					for (double wx = x + 8; wx < x + bw - 10; wx += 14) {
						if (p.random.nextDouble() < 0.15) {
							p.fill(new Rectangle2D.Double(wx, wy, 7, 9), rgba(0xbfd8ff, 0.5));
						}
					}
				}
				if (layer == 1) {
					int signs = 1 + p.random.nextInt(3);
					for (int s = 0; s < signs; s++) {
						Color c = neon[p.random.nextInt(neon.length)];
						boolean vertical = p.random.nextBoolean();
						double sw = vertical ? p.between(34, 50) : p.between(bw * 0.5, bw * 0.9);
						double sh = vertical ? p.between(140, 300) : p.between(40, 60);
						double sx = x + p.between(0, Math.max(1, bw - sw));
						double sy = p.between(top + 10, Math.max(top + 11, p.y(0.7) - sh));
						p.glow(sx + sw / 2, sy + sh / 2, Math.max(sw, sh) * 0.9, new Color(c.getRed(), c.getGreen(),
								c.getBlue(), 70));
						p.fill(new Rectangle2D.Double(sx, sy, sw, sh), mix(c, rgb(0x000000), 0.55));
						p.stroke(new Rectangle2D.Double(sx, sy, sw, sh), c, 3);
						int glyphs = (int) ((vertical ? sh : sw) / 38);
						for (int gi = 0; gi < glyphs; gi++) {
							double gx = vertical ? sx + sw * 0.2 : sx + 10 + gi * 38;
							double gy = vertical ? sy + 10 + gi * 38 : sy + sh * 0.2;
							double size = vertical ? sw * 0.6 : sh * 0.6;
							Color glyph = mix(c, Color.WHITE, 0.6);
							p.fill(new Rectangle2D.Double(gx, gy + size * 0.2, size, size * 0.12), glyph);
							p.fill(new Rectangle2D.Double(gx + size * p.between(0.2, 0.6), gy, size * 0.12, size), glyph);
							if (p.random.nextBoolean()) {
								p.fill(new Rectangle2D.Double(gx, gy + size * 0.75, size, size * 0.12), glyph);
							}
						}
					}
				}
				x += bw + p.between(0, 12);
			}
		}
		p.depth(Painter.Depth.NEAR);
		p.reflect(0.74, rgb(0x0c0a18), 0.5, 2);
		for (int i = 0; i < 30; i++) {
			double lx = p.between(0, p.w);
			p.fill(new Rectangle2D.Double(lx, p.y(0.8) + p.between(0, p.y(0.18)), p.between(40, 160), 3),
					rgba(0xffffff, 0.12));
		}
		p.vignette(0.45);
	}

	static void scottishHighlands(Painter p) {
		p.sky(0.6, new float[] { 0f, 0.6f, 1f }, rgb(0x5b6b7d), rgb(0xa8b3ba), rgb(0xe2ddcf));
		p.glow(p.x(0.72), p.y(0.3), p.x(0.25), rgba(0xfff1c4, 0.45));
		for (int i = 0; i < 10; i++) {
			p.cloud(p.x(p.between(-0.05, 1.05)), p.y(p.between(0.06, 0.3)), p.x(p.between(0.15, 0.3)),
					rgba(0xd9dcdf, 0.85), rgba(0x7d8793, 0.8));
		}
		p.depth(Painter.Depth.FAR);
		p.fillVertical(p.below(p.profile(0.48, 0.1, 3, 2, 0.45)), rgb(0x7f8c99), rgb(0x8a97a2));
		p.mist(0.56, 0.08, rgba(0xd6d9d6, 0.6));
		p.depth(Painter.Depth.MIDDLE);
		double[] mid = p.profile(0.56, 0.09, 4, 2.5, 0.5);
		p.fillVertical(p.below(mid), rgb(0x66774f), rgb(0x48563a));
		p.g.setClip(p.below(mid));
		for (int i = 0; i < 40; i++) {
			p.disc(p.between(0, p.w), p.between(p.y(0.46), p.y(0.63)), p.between(20, 70), rgba(0x7d5c7d, 0.18));
		}
		p.g.setClip(null);
		Path2D island = new Path2D.Double();
		island.moveTo(p.x(0.26), p.y(0.63));
		island.quadTo(p.x(0.34), p.y(0.585), p.x(0.44), p.y(0.63));
		island.closePath();
		p.fill(island, rgb(0x3f3f33));
		Silhouettes.castle(p, p.x(0.35), p.y(0.605), p.y(0.16), rgb(0x4d4a44), rgba(0xffd590, 0.7));
		p.fill(new Rectangle2D.Double(p.x(0.1), p.y(0.618), p.x(0.17), 8), rgb(0x4d4a44));
		p.fill(new Rectangle2D.Double(0, p.y(0.627), p.w, 3), rgb(0x3f3f33));
		p.reflect(0.63, rgb(0x44535e), 0.45, 2);
		p.depth(Painter.Depth.NEAR);
		double[] near = p.profile(0.88, 0.07, 4, 2, 0.5);
		p.fillVertical(p.below(near), rgb(0x6e5468), rgb(0x2f2530));
		p.g.setClip(p.below(near));
		for (int i = 0; i < 500; i++) {
			double gx = p.between(0, p.w);
			double gy = p.between(Painter.at(near, gx), p.h);
			p.stroke(new Line2D.Double(gx, gy, gx + p.between(-4, 4), gy - p.between(8, 20)),
					p.random.nextBoolean() ? rgba(0x9a6a9a, 0.6) : rgba(0x7a8a4a, 0.5), 2);
		}
		p.g.setClip(null);
		p.vignette(0.35);
	}

	static void tropicalBeach(Painter p) {
		p.sky(0.56, new float[] { 0f, 0.7f, 1f }, rgb(0x1e78c8), rgb(0x6fc0ee), rgb(0xc8ecf8));
		p.sun(p.x(0.78), p.y(0.14), 30, rgb(0xfffdf0), rgb(0xfff3c0));
		for (int i = 0; i < 6; i++) {
			p.cloud(p.x(p.between(0.05, 0.95)), p.y(p.between(0.28, 0.45)), p.x(p.between(0.08, 0.16)),
					rgba(0xffffff, 0.95), rgba(0xd2e6f2, 0.9));
		}
		p.depth(Painter.Depth.FAR);
		p.verticalGradient(0.56, 0.76, rgb(0x1585b5), rgb(0x2cc7c9));
		Path2D isle = new Path2D.Double();
		isle.moveTo(p.x(0.55), p.y(0.561));
		isle.quadTo(p.x(0.6), p.y(0.53), p.x(0.66), p.y(0.561));
		isle.closePath();
		p.fill(isle, rgb(0x4f8a8a));
		for (int i = 0; i < 40; i++) {
			double wy = p.between(p.y(0.58), p.y(0.75));
			p.fill(new Ellipse2D.Double(p.between(0, p.w), wy, p.between(60, 200), 2 + (wy - p.y(0.56)) / 60),
					rgba(0xffffff, p.between(0.15, 0.35)));
		}
		p.depth(Painter.Depth.MIDDLE);
		Path2D sand = new Path2D.Double();
		sand.moveTo(0, p.y(0.78));
		for (double x = 0; x <= p.w; x += 32) {
			sand.lineTo(x, p.y(0.76) + Math.sin(x * 0.004) * 14 + Math.sin(x * 0.011) * 6);
		}
		sand.lineTo(p.w, p.h);
		sand.lineTo(0, p.h);
		sand.closePath();
		p.fillVertical(sand, rgb(0xd9c08e), rgb(0xf6e2b5));
		Path2D foam = new Path2D.Double();
		foam.moveTo(0, p.y(0.765));
		for (double x = 0; x <= p.w; x += 32) {
			foam.lineTo(x, p.y(0.762) + Math.sin(x * 0.004) * 14 + Math.sin(x * 0.011) * 6);
		}
		p.stroke(foam, rgba(0xffffff, 0.85), 7);
		p.verticalGradient(0.78, 0.86, rgba(0xc9ad7c, 0.4), rgba(0xc9ad7c, 0));
		p.depth(Painter.Depth.NEAR);
		Silhouettes.palm(p, p.x(0.08), p.y(1.02), p.y(0.82), p.x(0.1), rgb(0x6a4a2c), rgb(0x2e6b2e));
		Silhouettes.palm(p, p.x(0.2), p.y(0.98), p.y(0.62), p.x(0.06), rgb(0x7a5634), rgb(0x3a7d34));
		Silhouettes.palm(p, p.x(0.95), p.y(1.03), p.y(0.78), -p.x(0.1), rgb(0x6a4a2c), rgb(0x2e6b2e));
		p.vignette(0.18);
	}

	static void grandCanyon(Painter p) {
		p.sky(0.45, new float[] { 0f, 0.5f, 0.8f, 1f }, rgb(0x4a6fa5), rgb(0xe8a87c), rgb(0xf7c58b), rgb(0xfbe0a8));
		p.sun(p.x(0.22), p.y(0.26), 32, rgb(0xfff3d0), rgb(0xffb070));
		p.streaks(10, 0.12, 0.3, rgba(0xffd8b0, 0.35));
		Color[][] layers = { { rgb(0xb797b0), rgb(0xa58aa6) }, { rgb(0xc98a7a), rgb(0xa8706a) },
				{ rgb(0xd9794a), rgb(0x9e4e32) }, { rgb(0xc4602c), rgb(0x7e3a1e) }, { rgb(0xa84a22), rgb(0x5a2612) } };
		for (int l = 0; l < layers.length; l++) {
			if (l == 0 || l == 2 || l == 4) {
				p.depth(l == 0 ? Painter.Depth.FAR : l == 2 ? Painter.Depth.MIDDLE : Painter.Depth.NEAR);
			}
			double base = 0.44 + l * 0.11;
			double[] line = p.noiseLine(p.w / Painter.PROFILE_STEP, 4, 3 + l, 0.5);
			double[] ys = new double[line.length];
			for (int i = 0; i < line.length; i++) {
				double v = (line[i] + 1) * 2.2;
				double step = Math.floor(v);
				double f = v - step;
				double terraced = (step + Math.pow(f, 6)) / 4.4;
				ys[i] = p.y(base) - terraced * p.y(0.2 + l * 0.02);
			}
			Path2D area = p.below(ys);
			p.fillVertical(area, layers[l][0], layers[l][1]);
			p.g.setClip(area);
			// Faint strata, each a slightly different tone of rock.
			for (int s = 0; s < 9; s++) {
				double sy = p.y(base - 0.2) + s * p.y(0.035) + p.between(-6, 6);
				p.fill(new Rectangle2D.Double(0, sy, p.w, p.between(6, 18)),
						s % 2 == 0 ? rgba(0xffe0c0, 0.06) : rgba(0x3a1a10, 0.07));
			}
			// Shade under every rim: the cliff faces fall away from the light.
			Path2D shade = new Path2D.Double();
			shade.moveTo(0, ys[0]);
			for (int i = 0; i < ys.length; i++) {
				shade.lineTo(i * Painter.PROFILE_STEP, ys[i] + 10);
			}
			for (int i = ys.length - 1; i >= 0; i--) {
				shade.lineTo(i * Painter.PROFILE_STEP, ys[i] + p.y(0.09));
			}
			shade.closePath();
			p.g.setPaint(new GradientPaint(0, 0, rgba(0x2a0a20, 0.05), (float) p.w, 0, rgba(0x2a0a20, 0.3)));
			p.g.fill(shade);
			if (l == layers.length - 1) {
				Path2D river = new Path2D.Double();
				river.moveTo(p.x(0.25), p.h + 10);
				river.curveTo(p.x(0.4), p.y(0.95), p.x(0.55), p.y(0.98), p.x(0.7), p.y(0.95));
				river.curveTo(p.x(0.8), p.y(0.93), p.x(0.9), p.y(0.96), p.x(1.02), p.y(0.94));
				p.stroke(river, rgba(0x5f8f8a, 0.8), 9);
				p.stroke(river, rgba(0xcfe8e0, 0.3), 2);
			}
			p.g.setClip(null);
			p.stroke(crest(ys), mix(layers[l][0], rgb(0xffe6c0), 0.45), 2.5);
			p.mist(base + 0.04, 0.06, rgba(0xf0c8a8, 0.25 - l * 0.04));
		}
		p.vignette(0.35);
	}

	static void northernLakes(Painter p) {
		p.sky(0.58, new float[] { 0f, 0.5f, 0.8f, 1f }, rgb(0x3c5a8c), rgb(0xb89fc4), rgb(0xf5b8a0), rgb(0xfde3b5));
		p.sun(p.x(0.42), p.y(0.57), 26, rgb(0xfff4d8), rgb(0xffc28a));
		p.streaks(12, 0.3, 0.5, rgba(0xffd8c8, 0.35));
		p.depth(Painter.Depth.FAR);
		forestLine(p, 0.58, 0.035, 6, 14, rgb(0x3a4658));
		for (int i = 0; i < 26; i++) {
			double tx = p.x(0.6) + p.between(0, p.x(0.12));
			Silhouettes.pine(p, tx, p.y(0.6), p.between(50, 110), rgb(0x1a242c));
		}
		p.fill(new Ellipse2D.Double(p.x(0.58), p.y(0.592), p.x(0.16), p.y(0.02)), rgb(0x1a242c));
		for (int i = 0; i < 34; i++) {
			double tx = p.between(-40, p.x(0.28));
			double height = p.y(0.35) + (p.x(0.28) - tx) * 0.5 + p.between(-40, 40);
			Silhouettes.pine(p, tx, p.y(0.605), height, rgb(0x0d1418));
		}
		p.fill(new Rectangle2D.Double(0, p.y(0.58), p.x(0.3), p.y(0.025)), rgb(0x0d1418));
		p.depth(Painter.Depth.MIDDLE);
		p.reflect(0.605, rgb(0x3b4a6a), 0.22, 1.2);
		p.depth(Painter.Depth.NEAR);
		Path2D shore = new Path2D.Double();
		shore.moveTo(p.x(0.62), p.h);
		shore.quadTo(p.x(0.75), p.y(0.8), p.w, p.y(0.76));
		shore.lineTo(p.w, p.h);
		shore.closePath();
		p.fillVertical(shore, rgb(0x3a3a36), rgb(0x151512));
		double cx = p.x(0.86);
		double by = p.y(0.8);
		p.fill(new Rectangle2D.Double(cx - 70, by - 70, 140, 70), rgb(0x9c2b22));
		Path2D roof = new Path2D.Double();
		roof.moveTo(cx - 86, by - 66);
		roof.lineTo(cx, by - 120);
		roof.lineTo(cx + 86, by - 66);
		roof.closePath();
		p.fill(roof, rgb(0x2a2a2a));
		p.fill(new Rectangle2D.Double(cx - 40, by - 52, 26, 26), rgb(0xffd98a));
		p.stroke(new Rectangle2D.Double(cx - 40, by - 52, 26, 26), rgb(0xf2f0e8), 3);
		p.glow(cx - 27, by - 39, 50, rgba(0xffc870, 0.5));
		p.fill(new Rectangle2D.Double(cx - 240, by + 6, 190, 10), rgb(0x4a3a2c));
		p.vignette(0.3);
	}

	/** A far shoreline of spruce tips. */
	private static void forestLine(Painter p, double baseY, double height, double minGap, double maxGap, Color color) {
		double[] swell = p.noiseLine(64, 3, 3, 0.5);
		Path2D line = new Path2D.Double();
		line.moveTo(0, p.y(baseY) + 4);
		double x = 0;
		while (x < p.w + maxGap) {
			double t = Math.min(64, x / p.w * 64);
			double top = p.y(baseY) - p.y(height) * (0.5 + swell[(int) t] * 0.6) - p.between(0, p.y(height) * 0.6);
			line.lineTo(x, p.y(baseY) - p.y(height) * 0.3);
			line.lineTo(x + minGap / 2, top);
			x += p.between(minGap, maxGap);
		}
		line.lineTo(p.w, p.y(baseY) + 4);
		line.closePath();
		p.fill(line, color);
	}

	static void cappadocia(Painter p) {
		p.sky(0.62, new float[] { 0f, 0.55f, 1f }, rgb(0x7ea1cf), rgb(0xf2c7a6), rgb(0xf7a66b));
		p.sun(p.x(0.15), p.y(0.6), 40, rgb(0xfff2d6), rgb(0xffb077));
		Color air = rgb(0xf2c7a6);
		Color[][] palettes = { { rgb(0xe63946), rgb(0xf1c453) }, { rgb(0x2a9d8f), rgb(0xe9c46a), rgb(0xe76f51) },
				{ rgb(0x6a4c93), rgb(0xffca3a) }, { rgb(0x1982c4), rgb(0xff595e), rgb(0xffffff) },
				{ rgb(0x8ac926), rgb(0xff924c) } };
		p.depth(Painter.Depth.FAR);
		for (int i = 0; i < 14; i++) {
			double depth = p.random.nextDouble();
			double radius = 14 + depth * 26;
			Silhouettes.balloon(p, p.between(0, p.w), p.y(0.18) + (1 - depth) * p.y(0.3) + p.between(-40, 40), radius,
					palettes[p.random.nextInt(palettes.length)], 0.55 * (1 - depth), air);
		}
		p.fillVertical(p.below(p.profile(0.6, 0.04, 4, 2, 0.5)), rgb(0xd6a58a), rgb(0xc8937a));
		p.mist(0.62, 0.06, rgba(0xf6d2b4, 0.6));
		p.depth(Painter.Depth.MIDDLE);
		double[] valley = p.profile(0.72, 0.04, 4, 3, 0.5);
		p.fillVertical(p.below(valley), rgb(0xe0b894), rgb(0xb98462));
		for (int i = 0; i < 26; i++) {
			double cx = p.between(0, p.w);
			double height = p.between(60, 190);
			double width = height * p.between(0.35, 0.5);
			double base = Painter.at(valley, cx) + p.between(20, 90);
			Path2D cone = new Path2D.Double();
			cone.moveTo(cx - width / 2, base);
			cone.quadTo(cx - width * 0.2, base - height * 0.7, cx - width * 0.1, base - height);
			cone.lineTo(cx + width * 0.1, base - height);
			cone.quadTo(cx + width * 0.2, base - height * 0.7, cx + width / 2, base);
			cone.closePath();
			p.fill(cone, new GradientPaint((float) (cx - width / 2), 0, rgb(0xf3d3b0), (float) (cx + width / 2), 0,
					rgb(0xb07a5a)));
			p.fill(new Ellipse2D.Double(cx - width * 0.22, base - height - width * 0.18, width * 0.44, width * 0.26),
					rgb(0x8a5a44));
			if (p.random.nextDouble() < 0.5) {
				p.fill(new Ellipse2D.Double(cx - 5, base - height * 0.5, 10, 14), rgb(0x4a2e22));
			}
		}
		p.depth(Painter.Depth.NEAR);
		double[] near = p.profile(0.9, 0.05, 4, 2, 0.5);
		p.fillVertical(p.below(near), rgb(0xb98462), rgb(0x6a4634));
		for (int i = 0; i < 4; i++) {
			double radius = 52 + i * 8;
			Silhouettes.balloon(p, p.x(0.6 + i * 0.12), p.y(0.3 - i * 0.06), radius,
					palettes[(i * 2) % palettes.length], 0, air);
		}
		p.vignette(0.25);
	}

}

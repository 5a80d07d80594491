package com.wanderframe.location.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * The things that make a place recognisable at a glance: towers, trees, roofs, boats, camels,
 * balloons. Each draws at a pixel position and size on a {@link Painter}.
 */
final class Silhouettes {

	private Silhouettes() {
	}

	/** A row of buildings standing on {@code baseY}, with some windows lit. */
	static void buildings(Painter p, double baseY, double minHeight, double maxHeight, double minWidth,
			double maxWidth, Color color, Color window, double lit, boolean mansards) {
		double x = -p.between(0, maxWidth);
		while (x < p.w) {
			double bw = p.between(minWidth, maxWidth);
			double bh = p.between(minHeight, maxHeight);
			double top = baseY - bh;
			p.fill(new Rectangle2D.Double(x, top, bw + 1, bh + 2), color);
			if (mansards) {
				double roof = Math.min(bh * 0.3, p.between(14, 26));
				Path2D m = new Path2D.Double();
				m.moveTo(x - 2, top);
				m.lineTo(x + roof * 0.5, top - roof);
				m.lineTo(x + bw - roof * 0.5, top - roof);
				m.lineTo(x + bw + 2, top);
				m.closePath();
				p.fill(m, color);
				for (int c = 0; c < 1 + p.random.nextInt(3); c++) {
					double cx = x + p.between(0.15, 0.8) * bw;
					p.fill(new Rectangle2D.Double(cx, top - roof - 10, 7, 12), color);
				}
			}
			else if (p.random.nextDouble() < 0.25) {
				p.fill(new Rectangle2D.Double(x + bw * 0.3, top - bh * 0.08, bw * 0.4, bh * 0.08 + 1), color);
			}
			for (double wy = top + 10; wy < baseY - 12; wy += 16) {
				for (double wx = x + 6; wx < x + bw - 8; wx += 11) {
					if (p.random.nextDouble() < lit) {
						Color c = Painter.mix(window, Color.WHITE, p.between(0, 0.3));
						p.fill(new Rectangle2D.Double(wx, wy, 5, 8),
								new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) p.between(150, 255)));
					}
				}
			}
			x += bw + p.between(-4, 6);
		}
	}

	static void eiffelTower(Painter p, double cx, double baseY, double height, Color color, Color lights) {
		double hgt = height;
		Path2D outline = new Path2D.Double();
		outline.moveTo(cx - 0.2 * hgt, baseY);
		outline.quadTo(cx - 0.15 * hgt, baseY - 0.1 * hgt, cx - 0.11 * hgt, baseY - 0.18 * hgt);
		outline.quadTo(cx - 0.07 * hgt, baseY - 0.3 * hgt, cx - 0.055 * hgt, baseY - 0.38 * hgt);
		outline.quadTo(cx - 0.03 * hgt, baseY - 0.62 * hgt, cx - 0.012 * hgt, baseY - 0.9 * hgt);
		outline.lineTo(cx - 0.004 * hgt, baseY - hgt);
		outline.lineTo(cx + 0.004 * hgt, baseY - hgt);
		outline.lineTo(cx + 0.012 * hgt, baseY - 0.9 * hgt);
		outline.quadTo(cx + 0.03 * hgt, baseY - 0.62 * hgt, cx + 0.055 * hgt, baseY - 0.38 * hgt);
		outline.quadTo(cx + 0.07 * hgt, baseY - 0.3 * hgt, cx + 0.11 * hgt, baseY - 0.18 * hgt);
		outline.quadTo(cx + 0.15 * hgt, baseY - 0.1 * hgt, cx + 0.2 * hgt, baseY);
		outline.closePath();
		Area tower = new Area(outline);
		Path2D arch = new Path2D.Double();
		arch.moveTo(cx - 0.14 * hgt, baseY + 1);
		arch.quadTo(cx - 0.12 * hgt, baseY - 0.13 * hgt, cx, baseY - 0.135 * hgt);
		arch.quadTo(cx + 0.12 * hgt, baseY - 0.13 * hgt, cx + 0.14 * hgt, baseY + 1);
		arch.closePath();
		tower.subtract(new Area(arch));
		Path2D upperGap = new Path2D.Double();
		upperGap.moveTo(cx - 0.06 * hgt, baseY - 0.2 * hgt);
		upperGap.quadTo(cx, baseY - 0.28 * hgt, cx + 0.06 * hgt, baseY - 0.2 * hgt);
		upperGap.closePath();
		tower.subtract(new Area(upperGap));
		tower.add(new Area(new Rectangle2D.Double(cx - 0.135 * hgt, baseY - 0.19 * hgt, 0.27 * hgt, 0.022 * hgt)));
		tower.add(new Area(new Rectangle2D.Double(cx - 0.072 * hgt, baseY - 0.385 * hgt, 0.144 * hgt, 0.014 * hgt)));
		tower.add(new Area(new Rectangle2D.Double(cx - 0.018 * hgt, baseY - 0.9 * hgt, 0.036 * hgt, 0.018 * hgt)));
		p.fill(tower, color);
		// The lattice catches the last light.
		p.g.setClip(tower);
		p.g.setStroke(new BasicStroke(1.2f));
		p.g.setColor(new Color(lights.getRed(), lights.getGreen(), lights.getBlue(), 45));
		for (double y = baseY; y > baseY - hgt; y -= 9) {
			p.g.draw(new Line2D.Double(cx - 0.2 * hgt, y, cx + 0.2 * hgt, y - 18));
			p.g.draw(new Line2D.Double(cx - 0.2 * hgt, y - 18, cx + 0.2 * hgt, y));
		}
		p.g.setClip(null);
		for (int i = 0; i < 70; i++) {
			double t = p.random.nextDouble();
			double yy = baseY - t * hgt * 0.92;
			double half = 0.2 * hgt * Math.pow(1 - t, 2.2) + 0.01 * hgt;
			double xx = cx + p.between(-half, half);
			if (tower.contains(xx, yy)) {
				p.glow(xx, yy, 7, new Color(lights.getRed(), lights.getGreen(), lights.getBlue(), 170));
			}
		}
		p.glow(cx, baseY - hgt, 10, lights);
	}

	/** A Japanese five-storey pagoda with upturned eaves and a spire. */
	static void pagoda(Painter p, double cx, double baseY, double height, Color wood, Color roof) {
		int tiers = 5;
		double spire = height * 0.22;
		double tierHeight = (height - spire) / tiers;
		double baseHalf = height * 0.11;
		for (int i = 0; i < tiers; i++) {
			double bottom = baseY - i * tierHeight;
			double half = baseHalf * (1 - i * 0.09);
			p.fill(new Rectangle2D.Double(cx - half * 0.62, bottom - tierHeight * 0.75, half * 1.24, tierHeight * 0.75),
					wood);
			double eave = half * 1.55;
			double roofTop = bottom - tierHeight * 0.75;
			Path2D r = new Path2D.Double();
			r.moveTo(cx - eave, roofTop - tierHeight * 0.08);
			r.quadTo(cx - eave * 0.6, roofTop + tierHeight * 0.02, cx - half * 0.4, roofTop - tierHeight * 0.3);
			r.lineTo(cx + half * 0.4, roofTop - tierHeight * 0.3);
			r.quadTo(cx + eave * 0.6, roofTop + tierHeight * 0.02, cx + eave, roofTop - tierHeight * 0.08);
			r.lineTo(cx + eave * 0.96, roofTop + tierHeight * 0.05);
			r.quadTo(cx + eave * 0.55, roofTop + tierHeight * 0.1, cx, roofTop + tierHeight * 0.06);
			r.quadTo(cx - eave * 0.55, roofTop + tierHeight * 0.1, cx - eave * 0.96, roofTop + tierHeight * 0.05);
			r.closePath();
			p.fill(r, roof);
		}
		double top = baseY - tiers * tierHeight - tierHeight * 0.05;
		p.fill(new Rectangle2D.Double(cx - 3, top - spire, 6, spire), roof);
		for (int ring = 0; ring < 9; ring++) {
			double ry = top - spire * 0.15 - ring * spire * 0.075;
			p.fill(new Ellipse2D.Double(cx - 9, ry - 2, 18, 4), roof);
		}
	}

	/** A pine: a trunk under stacked, slightly ragged tiers. */
	static void pine(Painter p, double cx, double baseY, double height, Color color) {
		double width = height * p.between(0.28, 0.38);
		p.fill(new Rectangle2D.Double(cx - width * 0.04, baseY - height * 0.2, width * 0.08, height * 0.2 + 2), color);
		int tiers = 5 + p.random.nextInt(3);
		for (int i = 0; i < tiers; i++) {
			double t = (double) i / tiers;
			double tierBottom = baseY - height * (0.1 + t * 0.82);
			double half = width / 2 * (1 - t * 0.85);
			Path2D tier = new Path2D.Double();
			tier.moveTo(cx - half, tierBottom);
			tier.lineTo(cx, tierBottom - height * 0.28);
			tier.lineTo(cx + half, tierBottom);
			tier.quadTo(cx, tierBottom - height * 0.04, cx - half, tierBottom);
			p.fill(tier, color);
		}
	}

	/** A palm leaning by {@code lean} (pixels the crown is off its base). */
	static void palm(Painter p, double baseX, double baseY, double height, double lean, Color trunk, Color leaves) {
		double topX = baseX + lean;
		double topY = baseY - height;
		double ctrlX = baseX + lean * 0.2;
		double ctrlY = baseY - height * 0.55;
		int segments = 28;
		for (int i = 0; i < segments; i++) {
			double t = (double) i / segments;
			double t2 = (double) (i + 1) / segments;
			double x1 = quad(baseX, ctrlX, topX, t);
			double y1 = quad(baseY, ctrlY, topY, t);
			double x2 = quad(baseX, ctrlX, topX, t2);
			double y2 = quad(baseY, ctrlY, topY, t2);
			double width = height * (0.045 - 0.02 * t);
			p.stroke(new Line2D.Double(x1, y1, x2, y2), i % 2 == 0 ? trunk : Painter.mix(trunk, Color.BLACK, 0.18),
					width);
		}
		int fronds = 9;
		for (int i = 0; i < fronds; i++) {
			double angle = Math.PI * (1.05 + i * 0.95 / (fronds - 1)) + p.between(-0.12, 0.12);
			double length = height * p.between(0.34, 0.46);
			double endX = topX + Math.cos(angle) * length;
			double endY = topY + Math.sin(angle) * length * 0.55 + length * 0.45;
			double midX = topX + Math.cos(angle) * length * 0.55;
			double midY = topY + Math.sin(angle) * length * 0.6 - length * 0.08;
			Path2D frond = new Path2D.Double();
			frond.moveTo(topX, topY);
			frond.quadTo(midX, midY - length * 0.1, endX, endY);
			frond.quadTo(midX, midY + length * 0.08, topX, topY + 4);
			p.fill(frond, leaves);
			for (int leaf = 1; leaf < 14; leaf++) {
				double t = leaf / 14.0;
				double lx = quad(topX, midX, endX, t);
				double ly = quad(topY, midY - length * 0.05, endY, t);
				double spread = length * 0.16 * (1 - t * 0.6);
				p.stroke(new Line2D.Double(lx, ly, lx + spread * 0.4, ly + spread), leaves, 3.5);
				p.stroke(new Line2D.Double(lx, ly, lx - spread * 0.5, ly + spread * 0.9), leaves, 3.5);
			}
		}
		p.disc(topX, topY + 6, height * 0.025, Painter.mix(trunk, Color.BLACK, 0.3));
	}

	private static double quad(double a, double b, double c, double t) {
		return (1 - t) * (1 - t) * a + 2 * (1 - t) * t * b + t * t * c;
	}

	/** A cherry tree in bloom: a dark branching trunk under clouds of blossom. */
	static void cherryTree(Painter p, double cx, double baseY, double height, Color bark, Color[] blossom) {
		branch(p, cx, baseY, -Math.PI / 2 + p.between(-0.1, 0.1), height * 0.32, height * 0.05, 0, bark);
		for (int i = 0; i < 420; i++) {
			double a = p.random.nextDouble() * Math.PI * 2;
			double r = Math.sqrt(p.random.nextDouble());
			double bx = cx + Math.cos(a) * r * height * 0.55;
			double by = baseY - height * 0.68 + Math.sin(a) * r * height * 0.3;
			double size = p.between(10, 30) * height / 600;
			Color c = blossom[p.random.nextInt(blossom.length)];
			p.disc(bx, by, size, new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) p.between(110, 220)));
		}
	}

	private static void branch(Painter p, double x, double y, double angle, double length, double width, int depth,
			Color bark) {
		double ex = x + Math.cos(angle) * length;
		double ey = y + Math.sin(angle) * length;
		p.stroke(new QuadCurve2D.Double(x, y, (x + ex) / 2 + p.between(-length, length) * 0.15,
				(y + ey) / 2, ex, ey), bark, width);
		if (depth < 5) {
			int children = 2 + (p.random.nextDouble() < 0.3 ? 1 : 0);
			for (int i = 0; i < children; i++) {
				branch(p, ex, ey, angle + p.between(-0.75, 0.75), length * p.between(0.62, 0.8), width * 0.68,
						depth + 1, bark);
			}
		}
	}

	/** A camel walking to the right, {@code size} pixels tall at the hump. */
	static void camel(Painter p, double x, double baseY, double size, Color color) {
		double s = size;
		Path2D body = new Path2D.Double();
		body.moveTo(x - 0.5 * s, baseY - 0.55 * s);
		body.quadTo(x - 0.45 * s, baseY - 0.95 * s, x - 0.1 * s, baseY - 1.0 * s);
		body.quadTo(x + 0.2 * s, baseY - 0.95 * s, x + 0.35 * s, baseY - 0.7 * s);
		body.quadTo(x + 0.5 * s, baseY - 0.8 * s, x + 0.58 * s, baseY - 1.05 * s);
		body.lineTo(x + 0.75 * s, baseY - 1.08 * s);
		body.lineTo(x + 0.78 * s, baseY - 0.98 * s);
		body.lineTo(x + 0.66 * s, baseY - 0.96 * s);
		body.quadTo(x + 0.55 * s, baseY - 0.6 * s, x + 0.35 * s, baseY - 0.5 * s);
		body.quadTo(x - 0.1 * s, baseY - 0.42 * s, x - 0.5 * s, baseY - 0.55 * s);
		body.closePath();
		p.fill(body, color);
		double[] legs = { -0.38, -0.25, 0.2, 0.32 };
		for (int i = 0; i < legs.length; i++) {
			double lx = x + legs[i] * s;
			double swing = (i % 2 == 0 ? 1 : -1) * 0.06 * s;
			p.stroke(new Line2D.Double(lx, baseY - 0.5 * s, lx + swing, baseY), color, s * 0.06);
		}
		p.stroke(new Line2D.Double(x - 0.5 * s, baseY - 0.55 * s, x - 0.58 * s, baseY - 0.3 * s), color, s * 0.03);
	}

	/** A walking figure in a robe, for scale. */
	static void walker(Painter p, double x, double baseY, double size, Color color) {
		p.disc(x, baseY - size * 0.9, size * 0.09, color);
		Path2D robe = new Path2D.Double();
		robe.moveTo(x - size * 0.08, baseY - size * 0.8);
		robe.lineTo(x + size * 0.08, baseY - size * 0.8);
		robe.lineTo(x + size * 0.15, baseY);
		robe.lineTo(x - size * 0.12, baseY);
		robe.closePath();
		p.fill(robe, color);
		p.stroke(new Line2D.Double(x + size * 0.12, baseY - size * 0.75, x + size * 0.18, baseY - size * 0.05), color,
				size * 0.025);
	}

	/** A castle: a keep, a few towers with battlements, slit windows. */
	static void castle(Painter p, double cx, double baseY, double size, Color stone, Color window) {
		Area castle = new Area();
		castle.add(new Area(new Rectangle2D.Double(cx - size * 0.5, baseY - size * 0.45, size * 1.0, size * 0.45)));
		castle.add(new Area(new Rectangle2D.Double(cx - size * 0.15, baseY - size * 0.8, size * 0.4, size * 0.8)));
		castle.add(new Area(new Rectangle2D.Double(cx - size * 0.6, baseY - size * 0.62, size * 0.18, size * 0.62)));
		castle.add(new Area(new Rectangle2D.Double(cx + size * 0.42, baseY - size * 0.55, size * 0.16, size * 0.55)));
		double[][] tops = { { -0.15, 0.4, 0.8 }, { -0.6, 0.18, 0.62 }, { 0.42, 0.16, 0.55 }, { -0.5, 1.0, 0.45 } };
		for (double[] top : tops) {
			double left = cx + top[0] * size;
			double width = top[1] * size;
			double y = baseY - top[2] * size;
			double merlon = size * 0.035;
			for (double mx = left; mx < left + width - merlon * 0.5; mx += merlon * 2) {
				castle.add(new Area(new Rectangle2D.Double(mx, y - merlon * 1.2, merlon, merlon * 1.2 + 1)));
			}
		}
		p.fill(castle, stone);
		for (int i = 0; i < 9; i++) {
			double wx = cx + p.between(-0.55, 0.5) * size;
			double wy = baseY - p.between(0.15, 0.6) * size;
			if (castle.contains(wx, wy) && castle.contains(wx, wy - size * 0.06)) {
				p.fill(new RoundRectangle2D.Double(wx, wy - size * 0.06, size * 0.025, size * 0.06, 4, 4), window);
			}
		}
	}

	/** A gondola with its gondolier, bow to the right. */
	static void gondola(Painter p, double x, double waterY, double length, Color color) {
		Path2D hull = new Path2D.Double();
		hull.moveTo(x - length * 0.5, waterY - length * 0.09);
		hull.quadTo(x - length * 0.3, waterY + length * 0.03, x, waterY + length * 0.02);
		hull.quadTo(x + length * 0.35, waterY + length * 0.02, x + length * 0.5, waterY - length * 0.12);
		hull.lineTo(x + length * 0.47, waterY - length * 0.12);
		hull.quadTo(x + length * 0.3, waterY - length * 0.02, x, waterY - length * 0.02);
		hull.quadTo(x - length * 0.3, waterY - length * 0.02, x - length * 0.48, waterY - length * 0.1);
		hull.closePath();
		p.fill(hull, color);
		// The ferro on the bow.
		p.fill(new Rectangle2D.Double(x + length * 0.47, waterY - length * 0.2, length * 0.012, length * 0.09), color);
		for (int i = 0; i < 4; i++) {
			p.fill(new Rectangle2D.Double(x + length * 0.46, waterY - length * (0.19 - i * 0.02), length * 0.03,
					length * 0.006), color);
		}
		double gx = x - length * 0.36;
		double gy = waterY - length * 0.06;
		p.disc(gx, gy - length * 0.2, length * 0.022, color);
		p.fill(new Rectangle2D.Double(gx - length * 0.018, gy - length * 0.18, length * 0.036, length * 0.12), color);
		p.stroke(new Line2D.Double(gx - length * 0.012, gy - length * 0.06, gx - length * 0.02, gy), color,
				length * 0.012);
		p.stroke(new Line2D.Double(gx + length * 0.012, gy - length * 0.06, gx + length * 0.016, gy), color,
				length * 0.012);
		p.stroke(new Line2D.Double(gx - length * 0.05, gy - length * 0.22, gx + length * 0.1, gy + length * 0.06),
				color, length * 0.007);
	}

	/** A hot-air balloon in vertical stripes. */
	static void balloon(Painter p, double cx, double cy, double radius, Color[] stripes, double haze, Color air) {
		Path2D envelope = new Path2D.Double();
		envelope.moveTo(cx, cy + radius * 1.35);
		envelope.curveTo(cx - radius * 0.35, cy + radius * 1.1, cx - radius * 1.15, cy + radius * 0.45, cx - radius,
				cy - radius * 0.15);
		envelope.curveTo(cx - radius * 0.9, cy - radius * 1.05, cx + radius * 0.9, cy - radius * 1.05, cx + radius,
				cy - radius * 0.15);
		envelope.curveTo(cx + radius * 1.15, cy + radius * 0.45, cx + radius * 0.35, cy + radius * 1.1, cx,
				cy + radius * 1.35);
		envelope.closePath();
		p.g.setClip(envelope);
		int bands = 8;
		for (int i = 0; i < bands; i++) {
			Color c = Painter.mix(stripes[i % stripes.length], air, haze);
			double left = cx - radius * 1.1 + i * radius * 2.2 / bands;
			p.fill(new Rectangle2D.Double(left, cy - radius * 1.2, radius * 2.2 / bands + 1, radius * 2.7), c);
		}
		// Round it with light from the upper left.
		p.g.setPaint(new GradientPaint((float) (cx - radius), (float) (cy - radius), new Color(255, 255, 255, 70),
				(float) (cx + radius), (float) (cy + radius), new Color(0, 0, 0, 90)));
		p.g.fill(envelope);
		p.g.setClip(null);
		Color line = Painter.mix(new Color(60, 40, 30), air, haze);
		double basketTop = cy + radius * 1.6;
		p.stroke(new Line2D.Double(cx - radius * 0.18, cy + radius * 1.28, cx - radius * 0.1, basketTop), line, 1.2);
		p.stroke(new Line2D.Double(cx + radius * 0.18, cy + radius * 1.28, cx + radius * 0.1, basketTop), line, 1.2);
		p.fill(new Rectangle2D.Double(cx - radius * 0.12, basketTop, radius * 0.24, radius * 0.18), line);
	}

}

package com.wanderframe.generation.internal;

import com.wanderframe.generation.Model;
import com.wanderframe.generation.ModelCatalogue;
import com.wanderframe.generation.ModelKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the catalogue's prices into {@code generation_prices} at start-up: every combination of
 * every model with what it costs here (configured prices included). Row-level security asks a
 * generation row inserted on a request path to name one of them and cost at least that, so the
 * row's model and combination are tied to what was charged. Kept as a union, the least price of
 * each: an instance still running an older configuration during a rolling upgrade keeps working,
 * and a lower price only loosens the check.
 */
@Component
class GenerationPricesTable {

	GenerationPricesTable(JdbcClient jdbc, ModelCatalogue catalogue) {
		for (ModelKind kind : ModelKind.values()) {
			for (Model model : ModelCatalogue.all(kind)) {
				for (Model.Choice choice : model.choices()) {
					jdbc.sql("""
							INSERT INTO generation_prices (kind, model, choice, min_cost) VALUES (?, ?, ?, ?)
							ON CONFLICT (kind, model, choice)
							DO UPDATE SET min_cost = least(generation_prices.min_cost, EXCLUDED.min_cost)
							""")
						.params(kind.value(), model.id(), choice.key(), Math.max(0, catalogue.price(model, choice, false)))
						.update();
				}
			}
		}
	}

}

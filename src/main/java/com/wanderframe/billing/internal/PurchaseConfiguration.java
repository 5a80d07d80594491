package com.wanderframe.billing.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PurchaseConfiguration {

	/** Fulfils purchases whose webhook never came; does nothing while purchases are off. */
	@Bean
	RecurringTask<Void> purchaseReconciliationTask(Purchases purchases, PurchaseProperties properties) {
		return Tasks.recurring("credit-purchase-reconciliation", FixedDelay.of(properties.stripe().reconcileEvery()))
			.execute((instance, context) -> purchases.reconcile());
	}

}

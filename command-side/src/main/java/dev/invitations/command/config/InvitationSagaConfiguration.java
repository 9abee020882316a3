package dev.invitations.command.config;

import dev.invitations.command.invitation.InvitationSaga;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link InvitationSaga} with a manager that hands each event only to the segment of its invitation
 * ({@link AssociationSegmentedSagaManager}); otherwise as Axon's {@code @Saga} registration does, in the processing
 * group {@code InvitationSagaProcessor}, on the application's saga store.
 */
@Configuration(proxyBeanMethods = false)
class InvitationSagaConfiguration {

    @Bean
    ConfigurerModule invitationSagaRegistration() {
        return configurer -> configurer.eventProcessing().registerSaga(InvitationSaga.class, saga ->
                saga.configureSagaManager(axon -> new AssociationSegmentedSagaManager<>(
                        AnnotatedSagaManager.<InvitationSaga>builder()
                                .sagaType(InvitationSaga.class)
                                .sagaRepository(axon.eventProcessingConfiguration()
                                        .sagaConfiguration(InvitationSaga.class).repository())
                                .parameterResolverFactory(axon.parameterResolverFactory())
                                .handlerDefinition(axon.handlerDefinition(InvitationSaga.class))
                                .listenerInvocationErrorHandler(axon.eventProcessingConfiguration()
                                        .listenerInvocationErrorHandler("InvitationSagaProcessor"))
                                .spanFactory(axon.getComponent(SagaManagerSpanFactory.class)))));
    }
}

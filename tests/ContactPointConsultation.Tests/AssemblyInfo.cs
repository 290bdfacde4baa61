using ContactPointConsultation.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(SharedPortal))]

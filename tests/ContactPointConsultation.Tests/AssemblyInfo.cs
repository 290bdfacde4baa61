using ContactPointConsultation.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(SharedPortal))]
[assembly: AssemblyFixture(typeof(PostgreSqlClusterFixture))]

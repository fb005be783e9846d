package io.trainingpipeline.testkit.archsample.store;

/** An edge class (allowed to use JDBC). */
public class Store {}
